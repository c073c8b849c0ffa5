import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "../../lib/generated/prisma/client";
import { seedOnce } from "../../prisma/seed";

/** Seeds the demo desk on first start and prints the accounts; later starts print nothing new. */
export async function runSeed(databaseUrl: string): Promise<void> {
  const db = new PrismaClient({ adapter: new PrismaPg({ connectionString: databaseUrl, max: 2 }) });
  try {
    const result = await seedOnce(db);
    if (!result.seeded) return;
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
  } finally {
    await db.$disconnect();
  }
}
