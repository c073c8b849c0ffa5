// `npm test`: type-check, lint (ESLint) and formatting (Prettier) side by side, unit + integration
// tests (Vitest, real PostgreSQL), then Playwright against a production build in Chromium.
// A fresh embedded PostgreSQL in a temporary directory serves each run, so runs never share state.
// Vitest runs one worker per core (at most four), each with a PostgreSQL of its own.
// `npm test -- --only=typecheck,lint,format,vitest,e2e` runs a subset; `--skip-build` reuses .next;
// `--vitest-workers=N` sets the number of Vitest workers (and clusters); arguments after a bare `--` go to the
// runner unchanged.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { createDatabase, startEmbeddedPostgres } from "./db/embedded";
import { applyMigrations } from "./db/migrations";
import { generateClient } from "./generate";
import { freePort } from "./lib/free-port";
import { buildApp } from "./lib/build";
import { runStep, runStepQuietly } from "./lib/process";
import { defaultWorkerCount, startWorkerDatabases, WORKER_DATABASES_ENV } from "./lib/vitest-database";

const STEPS = ["typecheck", "lint", "format", "vitest", "e2e"] as const;
type Step = (typeof STEPS)[number];

function parseArgs() {
  // Everything after a bare `--` goes to the runner as it is (`npm test -- --only=e2e -- --reporter=list,json`).
  const separator = process.argv.indexOf("--", 2);
  const own = separator === -1 ? process.argv.slice(2) : process.argv.slice(2, separator);
  const passThrough = separator === -1 ? [] : process.argv.slice(separator + 1);
  const only = own
    .find((a) => a.startsWith("--only="))
    ?.slice("--only=".length)
    .split(",");
  const steps = new Set<Step>((only ?? STEPS).filter((s): s is Step => (STEPS as readonly string[]).includes(s)));
  const workers = Number(own.find((a) => a.startsWith("--vitest-workers="))?.slice("--vitest-workers=".length));
  return {
    steps,
    skipBuild: own.includes("--skip-build"),
    vitestWorkers: Number.isInteger(workers) && workers > 0 ? workers : defaultWorkerCount(),
    extra: [...own.filter((a) => !a.startsWith("--")), ...passThrough],
  };
}

/**
 * The checks that only read the sources run side by side, each printing its output when it ends;
 * all of them finish before a failure is reported, so one run shows every problem. tsc needs the
 * Prisma client, which the database steps need too.
 */
async function staticChecks(steps: Set<Step>, env: NodeJS.ProcessEnv): Promise<void> {
  const needsClient = steps.has("typecheck") || steps.has("vitest") || steps.has("e2e");
  const client = needsClient ? generateClient() : Promise.resolve();
  const checks: Promise<void>[] = [
    steps.has("typecheck") ? client.then(() => runStepQuietly("typecheck", "npx", ["tsc", "--noEmit"], env)) : client,
  ];
  if (steps.has("lint")) {
    const cache = ["--cache", "--cache-location", "node_modules/.cache/eslint/"];
    checks.push(runStepQuietly("lint", "npx", ["eslint", ".", "--max-warnings=0", ...cache], env));
  }
  if (steps.has("format")) checks.push(runStepQuietly("format", "npx", ["prettier", "--check", "--cache", "."], env));
  const failures = (await Promise.allSettled(checks)).flatMap((result) =>
    result.status === "rejected" ? [result.reason instanceof Error ? result.reason.message : String(result.reason)] : [],
  );
  if (failures.length > 0) throw new Error(failures.join("; "));
}

async function main() {
  const { steps, skipBuild, vitestWorkers, extra } = parseArgs();
  const started = Date.now();
  const env: NodeJS.ProcessEnv = { ...process.env, NEXT_TELEMETRY_DISABLED: "1" };
  await staticChecks(steps, env);
  if (steps.has("vitest")) await runVitest(vitestWorkers, extra, env);
  // tsc passed over the sources the build compiles: the build need not type-check them again (next.config.js).
  if (steps.has("e2e")) await runE2e(skipBuild, extra, steps.has("typecheck") ? { ...env, FACTDESK_TYPES_CHECKED: "1" } : env);
  console.log(`[test] all steps passed in ${Math.round((Date.now() - started) / 1000)} s`);
}

/** Vitest with one migrated PostgreSQL cluster per worker; rejects when a test fails. */
async function runVitest(workers: number, extra: string[], env: NodeJS.ProcessEnv): Promise<void> {
  const databases = await startWorkerDatabases(workers);
  try {
    const vitestEnv = { ...env, DATABASE_URL: databases.urls[0], [WORKER_DATABASES_ENV]: JSON.stringify(databases.urls) };
    await runStep("npx", ["vitest", "run", `--maxWorkers=${workers}`, ...extra], vitestEnv);
  } finally {
    await databases.stop();
  }
}

/** A production build (unless skipped) and Playwright against it, on a fresh embedded PostgreSQL. */
async function runE2e(skipBuild: boolean, extra: string[], env: NodeJS.ProcessEnv): Promise<void> {
  const dataDir = mkdtempSync(path.join(tmpdir(), "factdesk-test-"));
  const pgPort = await freePort();
  const pg = await startEmbeddedPostgres({ dataDir, port: pgPort, database: "postgres" });
  try {
    await createDatabase(pg.adminUrl, "factdesk_e2e");
    const url = pg.adminUrl.replace(/\/postgres$/, "/factdesk_e2e");
    await applyMigrations(url);
    const e2eEnv = { ...env, DATABASE_URL: url, E2E_PG_PORT: String(pgPort) };
    if (!skipBuild) await buildApp(e2eEnv);
    await runStep("npx", ["playwright", "test", ...extra], { ...e2eEnv, E2E_APP_PORT: String(await freePort()) });
  } finally {
    await pg.stop();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

main().catch((err: unknown) => {
  console.error(`[test] FAILED: ${err instanceof Error ? err.message : String(err)}`);
  process.exit(1);
});
