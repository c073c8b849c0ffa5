// npm run db:migrate                    apply pending migrations to DATABASE_URL
// npm run db:migration:create -- <name> write a migration for changes to prisma/schema.prisma
import { applyMigrations, createMigration } from "./db/migrations";

const USAGE = "usage: tsx scripts/migrate.ts deploy | create <name>";

async function main(args: string[]): Promise<void> {
  const [command, name] = args;
  if (command === "deploy") {
    const url = process.env.DATABASE_URL;
    if (!url) throw new Error("DATABASE_URL is not set");
    const applied = await applyMigrations(url, (message) => console.log(message));
    console.log(
      applied.length ? `applied ${applied.length} migration(s):\n  ${applied.join("\n  ")}` : "database is up to date; nothing applied",
    );
  } else if (command === "create" && name) {
    await createMigration(name, (message) => console.log(message));
  } else {
    throw new Error(USAGE);
  }
}

main(process.argv.slice(2)).catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 1;
});
