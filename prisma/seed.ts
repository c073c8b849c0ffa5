import { randomBytes } from "node:crypto";
import type { PrismaClient } from "../lib/generated/prisma/client";
import { hashPassword } from "../lib/users/passwords";
import { readSampleArticle } from "./sample-article";

export const DEMO_ACCOUNTS = [
  { email: "admin@demo.factdesk.test", name: "Ada Admin", role: "admin" },
  { email: "editor@demo.factdesk.test", name: "Eleanor Editor", role: "editor" },
  { email: "reviewer1@demo.factdesk.test", name: "Rahul Reviewer", role: "reviewer" },
  { email: "reviewer2@demo.factdesk.test", name: "Rosa Reviewer", role: "reviewer" },
] as const;

export type SeedResult = { seeded: false } | { seeded: true; password: string; accounts: { email: string; role: string }[] };

/**
 * Seeds the demo desk the first time the database is used (no team exists yet).
 * An advisory lock makes it safe when several app instances start together.
 */
export async function seedOnce(db: PrismaClient): Promise<SeedResult> {
  const password = randomBytes(12).toString("base64url");
  const passwordHash = await hashPassword(password);
  const sample = readSampleArticle();
  return db.$transaction(async (tx) => {
    await tx.$executeRaw`SELECT pg_advisory_xact_lock(7201)`;
    if ((await tx.team.count()) > 0) return { seeded: false } as const;
    const team = await tx.team.create({ data: { name: "Demo desk", slug: "demo-desk" } });
    for (const account of DEMO_ACCOUNTS) {
      await tx.user.create({
        data: {
          email: account.email,
          name: account.name,
          passwordHash,
          memberships: { create: { teamId: team.id, role: account.role } },
        },
      });
    }
    await tx.article.create({
      data: {
        teamId: team.id,
        title: sample.title,
        standfirst: sample.standfirst,
        source: "Sample article shipped with Factdesk",
        publishedAt: new Date("2025-02-17T12:00:00Z"),
        body: sample.body,
      },
    });
    return { seeded: true, password, accounts: DEMO_ACCOUNTS.map(({ email, role }) => ({ email, role })) } as const;
  });
}
