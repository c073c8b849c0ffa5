// Sessions are rows now, checked on every request: a database outage must not turn into
// everyone being signed out. During the outage requests answer 503; once PostgreSQL is back
// the same cookie works again.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { PrismaPg } from "@prisma/adapter-pg";
import { expect, test } from "../fixtures/test";
import { PrismaClient } from "../../lib/generated/prisma/client";
import { hashPassword } from "../../lib/users/passwords";
import { startEmbeddedPostgres } from "../../scripts/db/embedded";
import { applyMigrations } from "../../scripts/db/migrations";
import { freePort } from "../../scripts/lib/free-port";
import { healthStatus, startAppOn, waitForHealth } from "../fixtures/processes";

test("a database outage answers 503 and signs nobody out", async () => {
  test.setTimeout(120_000);
  const dataDir = mkdtempSync(path.join(tmpdir(), "factdesk-outage-"));
  const pgPort = await freePort();
  let pg = await startEmbeddedPostgres({ dataDir, port: pgPort });
  await applyMigrations(pg.url);
  const seed = new PrismaClient({ adapter: new PrismaPg({ connectionString: pg.url, max: 1 }) });
  const email = "outage@test.factdesk.test";
  const password = "correct horse battery staple";
  await seed.team.create({
    data: {
      name: "Outage desk",
      slug: "outage",
      memberships: { create: { role: "reviewer", user: { create: { email, name: "Olu", passwordHash: await hashPassword(password) } } } },
    },
  });
  await seed.$disconnect();

  const { app, baseURL } = await startAppOn(pg.url);
  try {
    await waitForHealth(baseURL, 200, app);
    const csrf = await fetch(`${baseURL}/api/auth/csrf`);
    const { csrfToken } = (await csrf.json()) as { csrfToken: string };
    const csrfCookie = csrf.headers
      .getSetCookie()
      .map((c) => c.split(";")[0])
      .join("; ");
    const signIn = await fetch(`${baseURL}/api/auth/callback/credentials`, {
      method: "POST",
      headers: { "Content-Type": "application/x-www-form-urlencoded", Cookie: csrfCookie },
      body: new URLSearchParams({ email, password, csrfToken, json: "true" }),
    });
    expect(signIn.status).toBe(200);
    const session = signIn.headers
      .getSetCookie()
      .map((c) => c.split(";")[0]!)
      .find((c) => c.includes("session-token"))!;
    const read = () => fetch(`${baseURL}/api/v1/articles`, { headers: { Cookie: session } });
    expect((await read()).status).toBe(200);

    await pg.stop();
    await expect.poll(() => healthStatus(baseURL), { timeout: 20_000 }).toBe(503);
    const during = await read();
    expect(during.status).toBe(503);
    expect(during.headers.getSetCookie().join()).not.toMatch(/session-token=;/);

    pg = await startEmbeddedPostgres({ dataDir, port: pgPort });
    await expect.poll(() => healthStatus(baseURL), { timeout: 20_000 }).toBe(200);
    expect((await read()).status).toBe(200);
  } finally {
    await app.stop();
    await pg.stop();
    rmSync(dataDir, { recursive: true, force: true });
  }
});
