// `npm start`: one command from a fresh clone to a running Factdesk.
// Uses DATABASE_URL when given; otherwise a real PostgreSQL embedded under .data/.
// Then: migrations, first-run seed, a production build unless the one there was made from
// these sources, then scripts/serve.ts (Next.js behind a server that sets the client address).
import { spawn } from "node:child_process";
import path from "node:path";
import { applyMigrations } from "./db/migrations";
import { startEmbeddedPostgres } from "./db/embedded";
import { generateClient } from "./generate";
import { loadOrCreateSecret } from "./lib/secret";
import { buildApp, buildIsCurrent } from "./lib/build";
import { ROOT } from "./lib/process";
import { withServerNodeOptions } from "./lib/server-flags";
import { requireFreePort, requireReachableDatabase, StartupError } from "./lib/preflight";

async function main() {
  const dev = process.argv.includes("--dev");
  const port = Number(process.env.PORT || 3000);
  const dataDir = path.resolve(process.env.FACTDESK_DATA_DIR || path.join(ROOT, ".data"));

  // The usual reasons a start fails, checked first, each answered in one line (see main().catch).
  await requireFreePort(port, "the web server", "PORT");
  let databaseUrl = process.env.DATABASE_URL;
  let stopDatabase: () => Promise<void> = async () => {};
  if (databaseUrl) await requireReachableDatabase(databaseUrl);
  if (!databaseUrl) {
    const pgPort = Number(process.env.EMBEDDED_PG_PORT || 54329);
    const embedded = await startEmbeddedPostgres({ dataDir: path.join(dataDir, "postgres"), port: pgPort });
    databaseUrl = embedded.url;
    stopDatabase = embedded.stop;
    console.log(`[factdesk] embedded PostgreSQL on 127.0.0.1:${pgPort}, data in ${path.join(dataDir, "postgres")}`);
  } else {
    console.log("[factdesk] using the database in DATABASE_URL");
  }

  const env: NodeJS.ProcessEnv = {
    ...process.env,
    DATABASE_URL: databaseUrl,
    NEXTAUTH_SECRET: process.env.NEXTAUTH_SECRET || loadOrCreateSecret(dataDir),
    NEXTAUTH_URL: process.env.NEXTAUTH_URL || `http://localhost:${port}`,
    NEXT_TELEMETRY_DISABLED: "1",
  };

  await generateClient();
  const applied = await applyMigrations(databaseUrl);
  console.log(applied.length ? `[factdesk] applied migrations: ${applied.join(", ")}` : "[factdesk] database schema is up to date");
  // Imported only now: it needs the Prisma client generated just above.
  const { runSeed } = await import("./lib/run-seed");
  await runSeed(databaseUrl, env.NEXTAUTH_URL!);

  if (!dev && !buildIsCurrent()) {
    console.log("[factdesk] no production build of these sources yet: building (takes a minute or two)…");
    await buildApp(env);
  }

  // Node runs the server directly (no npx in between), so signals reach the server itself.
  const serve = ["--import", "tsx", path.join(ROOT, "scripts", "serve.ts"), ...(dev ? ["--dev"] : [])];
  const next = spawn(process.execPath, serve, { cwd: ROOT, env: withServerNodeOptions({ ...env, PORT: String(port) }), stdio: "inherit" });
  const nextExited = new Promise<void>((resolve) => next.once("exit", () => resolve()));
  console.log(`[factdesk] starting on ${env.NEXTAUTH_URL}`);

  // Stop the app before its database, so no request is answered by a half-stopped server.
  let stopping = false;
  const shutdown = async (code: number) => {
    if (stopping) return;
    stopping = true;
    if (next.exitCode === null && next.signalCode === null) {
      next.kill("SIGTERM");
      const killTimer = setTimeout(() => next.kill("SIGKILL"), 10_000);
      await nextExited;
      clearTimeout(killTimer);
    }
    await stopDatabase().catch((err: unknown) => console.error("[factdesk] stopping PostgreSQL:", err));
    process.exit(code);
  };
  process.on("SIGINT", () => void shutdown(0));
  process.on("SIGTERM", () => void shutdown(0));
  next.on("exit", (code) => void shutdown(code ?? 0));
}

main().catch((err: unknown) => {
  // A StartupError is one line meant for the person starting Factdesk; anything else keeps its first line
  // here and its detail on the lines after.
  const message = err instanceof Error ? err.message : String(err);
  console.error(`[factdesk] could not start: ${err instanceof StartupError ? message : message.split("\n")[0]}`);
  if (!(err instanceof StartupError) && message.includes("\n")) console.error(message.split("\n").slice(1).join("\n"));
  process.exit(1);
});
