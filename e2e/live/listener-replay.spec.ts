import { randomUUID } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { PrismaPg } from "@prisma/adapter-pg";
import { expect, test } from "../fixtures/test";
import { describeRange } from "../../lib/anchoring/selectors";
import { PrismaClient } from "../../lib/generated/prisma/client";
import { hashPassword } from "../../lib/users/passwords";
import { readSampleArticle } from "../../prisma/sample-article";
import { startEmbeddedPostgres } from "../../scripts/db/embedded";
import { applyMigrations } from "../../scripts/db/migrations";
import { freePort } from "../../scripts/lib/free-port";
import { signIn, signInByApi } from "../fixtures/auth";
import { TEST_PASSWORD } from "../fixtures/factories";
import { startAppOn, waitForHealth } from "../fixtures/processes";

const CLAIM = "The UK currently spends around 2.3 per cent of gross national product on defence";

/** A team with two reviewers and the sample article, in a database of the test's own. */
async function seed(url: string) {
  const client = new PrismaClient({ adapter: new PrismaPg({ connectionString: url, max: 2 }) });
  try {
    const tag = randomUUID().slice(0, 8);
    const team = await client.team.create({ data: { name: `Replay ${tag}`, slug: `replay-${tag}` } });
    const passwordHash = await hashPassword(TEST_PASSWORD);
    const person = (label: string) =>
      client.user.create({
        data: {
          email: `${label}-${tag}@test.factdesk.test`,
          name: `${label} ${tag}`,
          passwordHash,
          memberships: { create: { teamId: team.id, role: "reviewer" } },
        },
      });
    const [writer, reader] = [await person("writer"), await person("reader")];
    const sample = readSampleArticle();
    const article = await client.article.create({
      data: { teamId: team.id, title: sample.title, standfirst: sample.standfirst, source: "Test", body: sample.body },
    });
    return { writer: { ...writer, password: TEST_PASSWORD }, reader: { ...reader, password: TEST_PASSWORD }, article };
  } finally {
    await client.$disconnect();
  }
}

// Reported: a change made just after PostgreSQL restarted reached other browsers only with the next
// change, 36 s later, while both showed "Live" throughout the outage. The instance's LISTEN connection
// was down, so the change's NOTIFY reached no one and nothing replayed it.
test("while the database is away the badge says Reconnecting, and a change made as it comes back arrives without another", async ({
  browser,
  playwright,
}) => {
  test.setTimeout(180_000);
  const dataDir = mkdtempSync(path.join(tmpdir(), "factdesk-replay-"));
  const pgPort = await freePort();
  let pg = await startEmbeddedPostgres({ dataDir, port: pgPort });
  await applyMigrations(pg.url);
  const desk = await seed(pg.url);
  const { app, baseURL } = await startAppOn(pg.url);
  try {
    await waitForHealth(baseURL, 200, app);
    const api = await playwright.request.newContext({ baseURL, extraHTTPHeaders: { origin: baseURL } });
    expect((await signInByApi(api, desk.writer)).status()).toBe(200);
    const start = desk.article.body.indexOf(CLAIM);
    const target = describeRange(desk.article.body, start, start + CLAIM.length);
    const selector = [
      { type: "TextQuoteSelector", ...target.quote },
      { type: "TextPositionSelector", ...target.position },
    ];
    const created = await api.post(`/api/v1/articles/${desk.article.id}/claims`, { data: { target: { selector } } });
    expect(created.status()).toBe(201);
    const { claim } = (await created.json()) as { claim: { id: string } };

    const page = await (await browser.newContext({ baseURL })).newPage();
    await signIn(page, desk.reader);
    // This app gives up on a database connection after 1 s (so the outage below shows quickly); on a
    // loaded machine its first page can hit that limit and render the error page, so open it again.
    await expect(async () => {
      await page.goto(`/articles/${desk.article.id}`);
      await expect(page.getByTestId("live-status")).toContainText("Live", { timeout: 10_000 });
    }).toPass({ timeout: 60_000 });
    await page.evaluate(() => ((window as unknown as { untouched: boolean }).untouched = true));

    await pg.stop();
    // The browser's own stream to the app is still open: only the server knows it hears nothing.
    await expect(page.getByTestId("live-status")).toContainText("Reconnecting", { timeout: 20_000 });

    pg = await startEmbeddedPostgres({ dataDir, port: pgPort });
    // The first change, as soon as the app answers again: its notification may well reach no one.
    await expect
      .poll(
        async () =>
          (await api.post(`/api/v1/claims/${claim.id}/comments`, { data: { body: "Written as the database came back." } })).status(),
        {
          timeout: 30_000,
          intervals: [200],
        },
      )
      .toBe(201);

    await expect(page.getByTestId("live-status")).toContainText("Live", { timeout: 20_000 });
    await page.getByRole("tab", { name: "Activity" }).click();
    await expect(page.getByTestId("activity-feed")).toContainText("commented", { timeout: 20_000 });
    expect(await page.evaluate(() => (window as unknown as { untouched?: boolean }).untouched === true)).toBe(true);
    await api.dispose();
  } finally {
    await app.stop();
    await pg.stop();
    rmSync(dataDir, { recursive: true, force: true });
  }
});
