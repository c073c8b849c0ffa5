// `prisma migrate deploy` and an offline stand-in for `prisma migrate dev --create-only`, on the
// wasm schema engine: the CLI needs a native engine binary this machine cannot download.
import { existsSync } from "node:fs";
import fs from "node:fs/promises";
import path from "node:path";
import { PrismaPg } from "@prisma/adapter-pg";
import type { MigrationDirectory, MigrationList } from "@prisma/schema-engine-wasm/schema_engine_bg";
import { Logger, runMigrations as runGraphileWorkerMigrations } from "graphile-worker";
import pg from "pg";
import { offlinePostgresAdapterFactory, withSchemaEngine } from "./schema-engine";

// Relative to the working directory, like prisma.config.ts (npm scripts run at the project root).
// Not __dirname: tsx sets it wrongly when an ES module imports this file.
const PRISMA_DIR = path.resolve("prisma");
const SCHEMA_FILE = path.join(PRISMA_DIR, "schema.prisma");
const MIGRATIONS_DIR = path.join(PRISMA_DIR, "migrations");
const LOCKFILE = "migration_lock.toml";
/** Copy of the schema each migration was made from: the next diff starts there. */
const SNAPSHOT = "schema.prisma";
const NO_FILTERS = { externalTables: [], externalEnums: [] };

/**
 * Our own lock, deliberately not the engine's key (72707369): the engine also takes that one,
 * but gives up after 10 s ("Timed out trying to acquire a postgres advisory lock"), so a second
 * instance starting during a slow migration would crash. Holding this one first, the second
 * instance waits its turn and then finds nothing left to apply.
 */
const DEPLOY_LOCK_KEY = 1_178_881_351;

type Log = (message: string) => void;

const silentLogger = new Logger(() => () => {});

/**
 * PrismaPg runs a migration script by splitting it on every ";", which cuts function bodies
 * ($$ … $$, e.g. the audit trail's append-only trigger) and string literals apart. PostgreSQL
 * runs a multi-statement script in one simple query by itself, so hand it over whole.
 */
class WholeScriptPrismaPg extends PrismaPg {
  constructor(private readonly scriptPool: pg.Pool) {
    super(scriptPool);
  }

  override async connect() {
    const adapter = await super.connect();
    adapter.executeScript = async (script: string) => {
      await this.scriptPool.query(script);
    };
    return adapter;
  }
}

/** Applies pending prisma/migrations/* and returns their names; history in _prisma_migrations. */
export async function applyMigrations(databaseUrl: string, log: Log = () => {}): Promise<string[]> {
  const migrationsList = await readMigrationsList();
  if (migrationsList.migrationDirectories.length === 0) {
    log(`no migrations in ${MIGRATIONS_DIR}`);
    return [];
  }
  const lockConnection = new pg.Client({ connectionString: databaseUrl });
  lockConnection.on("error", (error) => log(`migration lock connection: ${error.message}`));
  await lockConnection.connect();
  try {
    // A migration stuck elsewhere should fail this deploy eventually, not hang it forever.
    await lockConnection.query("SET lock_timeout = '10min'");
    const { rows } = await lockConnection.query<{ locked: boolean }>("SELECT pg_try_advisory_lock($1) AS locked", [DEPLOY_LOCK_KEY]);
    if (!rows[0]?.locked) {
      log("another process is migrating this database; waiting for it");
      await lockConnection.query("SELECT pg_advisory_lock($1)", [DEPLOY_LOCK_KEY]);
    }
    // One connection: the engine's session-level advisory lock and the statements it guards
    // then share a session, and ending the pool is what releases that lock.
    const pool = new pg.Pool({ connectionString: databaseUrl, max: 1 });
    pool.on("error", (error) => log(`migration connection: ${error.message}`));
    try {
      const output = await withSchemaEngine(new WholeScriptPrismaPg(pool), (engine) =>
        engine.applyMigrations({ migrationsList, filters: NO_FILTERS }),
      );
      // The job queue (lib/jobs) keeps its tables in its own schema, migrated by its own code.
      await runGraphileWorkerMigrations({ connectionString: databaseUrl, logger: silentLogger });
      return output.appliedMigrationNames;
    } finally {
      await pool.end();
    }
  } finally {
    await lockConnection.end(); // closing the session releases DEPLOY_LOCK_KEY
  }
}

/**
 * Writes prisma/migrations/<UTC timestamp>_<name>/migration.sql with the SQL that takes the
 * schema of the previous migration to the current prisma/schema.prisma. No database needed.
 * Returns the new directory's name, or null when the schema has not changed.
 */
export async function createMigration(name: string, log: Log = () => {}): Promise<string | null> {
  const slug = name
    .trim()
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "_")
    .replace(/^_+|_+$/g, "")
    .slice(0, 200);
  if (!slug) throw new Error(`migration name "${name}" has no letters or digits`);
  const schema = await fs.readFile(SCHEMA_FILE, "utf8");
  const previous = (await migrationDirNames()).at(-1);
  const previousSchema = previous === undefined ? undefined : await readSnapshot(previous);

  const diff = await withSchemaEngine(offlinePostgresAdapterFactory(), (engine) =>
    engine.diff({
      from:
        previousSchema === undefined ? { tag: "empty" } : { tag: "schemaDatamodel", files: [{ path: SNAPSHOT, content: previousSchema }] },
      to: { tag: "schemaDatamodel", files: [{ path: SNAPSHOT, content: schema }] },
      script: true,
      exitCode: null,
      filters: NO_FILTERS,
    }),
  );
  // From "empty" the engine adds CREATE SCHEMA "public", which `migrate dev` (diffing against a
  // shadow database that has it) never writes, and which needs CREATE on the whole database.
  const sql = (diff.stdout ?? "").replace(/^-- CreateSchema\nCREATE SCHEMA IF NOT EXISTS "public";\n+/m, "");
  // An unchanged schema yields only "-- This is an empty migration." (a comment).
  if (sql.replace(/--.*$/gm, "").trim() === "") {
    log(`no schema changes since ${previous ?? "the beginning"}; no migration created`);
    return null;
  }

  const dirName = `${utcTimestamp(new Date())}_${slug}`;
  if (previous !== undefined && dirName <= previous) {
    throw new Error(`new migration ${dirName} would not sort after ${previous}; is the clock behind?`);
  }
  // Build it beside and rename into place, so deploy never sees a half-written migration.
  const staging = path.join(MIGRATIONS_DIR, `.${dirName}.tmp`);
  await fs.mkdir(staging, { recursive: true });
  await fs.writeFile(path.join(staging, "migration.sql"), sql.endsWith("\n") ? sql : `${sql}\n`);
  await fs.writeFile(path.join(staging, SNAPSHOT), schema);
  await fs.rename(staging, path.join(MIGRATIONS_DIR, dirName));
  if (!existsSync(path.join(MIGRATIONS_DIR, LOCKFILE))) {
    await fs.writeFile(
      path.join(MIGRATIONS_DIR, LOCKFILE),
      '# Please do not edit this file manually\n# It should be added in your version-control system (e.g., Git)\nprovider = "postgresql"\n',
    );
  }
  log(`created prisma/migrations/${dirName}/migration.sql`);
  return dirName;
}

async function migrationDirNames(): Promise<string[]> {
  const entries = await fs.readdir(MIGRATIONS_DIR, { withFileTypes: true }).catch(() => []);
  // Same order as Prisma: lexicographic, which the timestamp prefix makes chronological.
  return entries
    .filter((entry) => entry.isDirectory() && !entry.name.startsWith("."))
    .map((entry) => entry.name)
    .sort();
}

async function readSnapshot(dirName: string): Promise<string> {
  const file = path.join(MIGRATIONS_DIR, dirName, SNAPSHOT);
  try {
    return await fs.readFile(file, "utf8");
  } catch {
    throw new Error(
      `${file} is missing, so there is no schema to diff from. Restore it from the commit that ` +
        `added that migration: git show <commit>:prisma/schema.prisma > ${path.relative(process.cwd(), file)}`,
    );
  }
}

async function readMigrationsList(): Promise<MigrationList> {
  const migrationDirectories: MigrationDirectory[] = [];
  for (const dirName of await migrationDirNames()) {
    const sqlPath = path.join(MIGRATIONS_DIR, dirName, "migration.sql");
    const content = await fs.readFile(sqlPath, "utf8").then(
      (value) => ({ tag: "ok" as const, value }),
      (error: Error) => ({ tag: "error" as const, value: `${sqlPath}: ${error.message}` }),
    );
    migrationDirectories.push({ path: dirName, migrationFile: { path: "migration.sql", content } });
  }
  const lockfileContent = await fs.readFile(path.join(MIGRATIONS_DIR, LOCKFILE), "utf8").catch(() => null);
  return {
    baseDir: MIGRATIONS_DIR,
    lockfile: { path: LOCKFILE, content: lockfileContent },
    shadowDbInitScript: "",
    migrationDirectories,
  };
}

function utcTimestamp(date: Date): string {
  return date.toISOString().replace(/[-:T]/g, "").slice(0, 14);
}
