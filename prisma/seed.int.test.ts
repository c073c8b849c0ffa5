import { afterAll, describe, expect, it } from "vitest";
import { PrismaPg } from "@prisma/adapter-pg";
import { Client } from "pg";
import { PrismaClient } from "@/lib/generated/prisma/client";
import { applyMigrations } from "@/scripts/db/migrations";
import { DEMO_ACCOUNTS, seedOnce } from "@/prisma/seed";
import { readSampleArticle } from "@/prisma/sample-article";
import { verifyPassword } from "@/lib/users/passwords";

// Seeding needs an empty database, so this test makes its own next to the shared one.
const name = `factdesk_seed_${process.pid}_${Date.now()}`;
const adminUrl = process.env.DATABASE_URL!;
const url = adminUrl.replace(/\/[^/?]+(\?|$)/, `/${name}$1`);
let db: PrismaClient | undefined;

async function admin(sql: string) {
  const client = new Client({ connectionString: adminUrl });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

afterAll(async () => {
  await db?.$disconnect();
  await admin(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
});

describe("first-start seed", () => {
  it("creates the demo desk and sample article exactly once, even when instances race", async () => {
    await admin(`CREATE DATABASE "${name}"`);
    await applyMigrations(url);
    db = new PrismaClient({ adapter: new PrismaPg({ connectionString: url, max: 4 }) });
    const results = await Promise.all([seedOnce(db), seedOnce(db), seedOnce(db)]);
    const seeded = results.filter((r) => r.seeded);
    expect(seeded).toHaveLength(1);
    expect(await seedOnce(db)).toEqual({ seeded: false });

    expect(await db.team.findMany({ select: { name: true } })).toEqual([{ name: "Demo desk" }]);
    const users = await db.user.findMany({ include: { memberships: true }, orderBy: { email: "asc" } });
    expect(users.map((u) => [u.email, u.memberships[0]?.role])).toEqual(
      [...DEMO_ACCOUNTS].sort((a, b) => a.email.localeCompare(b.email)).map((a) => [a.email, a.role]),
    );
    const first = seeded[0]!;
    if (!first.seeded) throw new Error("unreachable");
    expect(first.password.length).toBeGreaterThanOrEqual(16);
    expect(users[0]!.passwordHash.startsWith("$argon2id$")).toBe(true);
    expect(await verifyPassword(users[0]!.passwordHash, first.password)).toBe(true);

    const sample = readSampleArticle();
    const [article] = await db.article.findMany();
    expect(article).toMatchObject({
      title: "US must provide ‘backstop’ to deter Russia, PM says after talks on Ukraine",
      standfirst: sample.standfirst,
    });
    expect(article!.body.split("\n\n")).toHaveLength(36);
    expect(article!.body).toContain("The UK currently spends around 2.3 per cent of gross national product on defence.");
  });
});
