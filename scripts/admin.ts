// `npm run admin -- create-admin --email you@example.org --team "Metro desk" [--name "Your Name"]`:
// the newsroom's first admin (or another one) from a shell, without SQL. Makes the team and the
// account (or makes an existing account the new team's admin) and prints a one-time password for a
// new account. Uses DATABASE_URL, else the embedded PostgreSQL of `npm start` (running or not).
import path from "node:path";
import { parseArgs } from "node:util";
import { randomBytes } from "node:crypto";
import { applyMigrations } from "./db/migrations";
import { runningEmbeddedUrl, startEmbeddedPostgres } from "./db/embedded";
import { generateClient } from "./generate";
import { ROOT } from "./lib/process";

const USAGE = 'Usage: npm run admin -- create-admin --email you@example.org --team "Team name" [--name "Your Name"]';

async function main() {
  const [command, ...rest] = process.argv.slice(2);
  if (command !== "create-admin") throw new Error(USAGE);
  const { values } = parseArgs({ args: rest, options: { email: { type: "string" }, team: { type: "string" }, name: { type: "string" } } });
  if (!values.email || !values.team) throw new Error(USAGE);

  const dataDir = path.resolve(process.env.FACTDESK_DATA_DIR || path.join(ROOT, ".data"), "postgres");
  const pgPort = Number(process.env.EMBEDDED_PG_PORT || 54329);
  let stop: () => Promise<void> = async () => {};
  let url = process.env.DATABASE_URL || (await runningEmbeddedUrl(dataDir, pgPort));
  if (!url) {
    const embedded = await startEmbeddedPostgres({ dataDir, port: pgPort });
    url = embedded.url;
    stop = embedded.stop;
  }
  try {
    process.env.DATABASE_URL = url;
    await generateClient();
    await applyMigrations(url);
    // Imported only now: lib/db reads DATABASE_URL when it loads.
    const { createAdminFromShell } = await import("../lib/onboarding/admin-cli");
    const made = await createAdminFromShell({
      email: values.email,
      teamName: values.team,
      name: values.name,
      password: randomBytes(12).toString("base64url"),
    });
    console.log(`\n  ${made.email} is the admin of "${made.teamName}".`);
    if (made.password) console.log(`  One-time password (shown only now; change it under Account → Password):\n\n    ${made.password}\n`);
    else console.log("  The account already existed: sign in with its password.\n");
  } finally {
    const { db } = await import("../lib/db");
    await db.$disconnect();
    await stop();
  }
}

main().catch((err: unknown) => {
  console.error(`[factdesk admin] ${err instanceof Error ? err.message : String(err)}`);
  process.exit(1);
});
