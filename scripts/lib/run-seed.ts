import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "../../lib/generated/prisma/client";
import { seedOnce } from "../../prisma/seed";

/**
 * Seeds the demo desk on first start and prints the accounts (later starts print nothing new); then, while no
 * admin exists outside the demo desk, prints a new one-time setup link for the newsroom's first admin.
 */
export async function runSeed(databaseUrl: string, publicUrl: string): Promise<void> {
  const db = new PrismaClient({ adapter: new PrismaPg({ connectionString: databaseUrl, max: 2 }) });
  try {
    const result = await seedOnce(db);
    if (result.seeded) {
      const lines = [
        "",
        "  Factdesk is seeded with the Demo desk and the sample article.",
        "  Sign in with any of these accounts (shown only this once):",
        "",
        ...result.accounts.map((a) => `    ${a.role.padEnd(9)} ${a.email}`),
        "",
        `    password  ${result.password}`,
        "",
      ];
      console.log(lines.join("\n"));
    }
    // Imported here: lib/ modules resolve "@/" paths, which tsx reads from tsconfig.json.
    const { createSetupLink } = await import("../../lib/onboarding/setup-link");
    const link = await createSetupLink({ client: db, baseUrl: publicUrl });
    if (link) {
      console.log(
        [
          "",
          "  No admin exists yet outside the Demo desk. To set up your newsroom, open this link",
          `  (it works once, until ${link.expiresAt.toISOString()}; a restart prints a new one):`,
          "",
          `    ${link.url}`,
          "",
          '  Or from a shell: npm run admin -- create-admin --email you@example.org --team "Your desk"',
          "",
        ].join("\n"),
      );
    }
  } finally {
    await db.$disconnect();
  }
}
