// The evidence archive and drift watch end to end: a real HTTP server on loopback (allowed through
// FETCH_ALLOW_ADDRESSES, as an intranet deployment would), the real job queue (graphile-worker's runner on the
// test database) and the real database.
import type { Runner } from "graphile-worker";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createDesk, createTeam, createUser, testDb } from "@/e2e/fixtures/factories";
import { addEvidence } from "@/lib/claims/evidence";
import { createClaim } from "@/lib/claims/create-claim";
import { getClaim } from "@/lib/claims/get-claim";
import { targetFor } from "@/lib/claims/test-helpers";
import { db } from "@/lib/db";
import { startTestServer, type TestServer } from "@/lib/fetch/test-server";
import { startJobRunner } from "@/lib/jobs/runner";
import { listNeedsMe } from "@/lib/needs/needs-me";
import { archiveEvidence, archiveEvidenceJob } from "./archive";
import { checkEvidenceSource, checkSourceJob, queueDueSourceChecks } from "./check-source";
import { getEvidenceArchive } from "./get-archive";

const CLAIM = "The UK currently spends around 2.3 per cent of gross national product on defence";
const page = (figure: string) => `<!doctype html><html><head><title>Defence spending</title></head><body><article>
  <h1>Defence spending</h1>
  <p>The government said that “the UK spends ${figure} per cent of GDP on defence” in its annual report.</p>
  <p>Spending is set to rise over the next decade, the report adds, with new commitments from 2027 onwards.</p>
  <p>Critics say the figures include pensions and other items that were not counted as defence before.</p>
</article></body></html>`;

let desk: Awaited<ReturnType<typeof createDesk>>;
let intruder: Awaited<ReturnType<typeof createUser>>;
let server: TestServer;
let runner: Runner;
let claimId: string;
const previousAllow = process.env.FETCH_ALLOW_ADDRESSES;

beforeAll(async () => {
  process.env.FETCH_ALLOW_ADDRESSES = "127.0.0.1";
  desk = await createDesk();
  intruder = await createUser((await createTeam()).id, "admin", "intruder");
  // Checked daily, so "due" is reached two days on without touching other tests' teams (weekly by default).
  await testDb().team.update({ where: { id: desk.team.id }, data: { sourceCheckDays: 1 } });
  server = await startTestServer();
  server.routes.set("/report", { body: page("2.3") });
  runner = await startJobRunner({ jobs: [archiveEvidenceJob, checkSourceJob], concurrency: 1 });
  claimId = (await createClaim({ userId: desk.reviewer.id, articleId: desk.article.id, target: targetFor(desk.article.body, CLAIM) })).id;
});
afterAll(async () => {
  if (previousAllow === undefined) delete process.env.FETCH_ALLOW_ADDRESSES;
  else process.env.FETCH_ALLOW_ADDRESSES = previousAllow;
  await runner.stop();
  await server.close();
  await db.$disconnect();
  await testDb().$disconnect();
});

async function until<T>(read: () => Promise<T | undefined | null | false>): Promise<T> {
  for (;;) {
    const value = await read();
    if (value !== undefined && value !== null && value !== false) return value;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

const evidenceRow = (id: string) => testDb().evidence.findUniqueOrThrow({ where: { id } });
const addSource = (path: string, excerpt = "") =>
  addEvidence({
    userId: desk.reviewer.id,
    claimId,
    url: `${server.origin}${path}`,
    title: "Annual defence report",
    excerpt,
    stance: "supports",
    sourceType: "primary",
    retrievedAt: new Date("2026-11-01"),
  });

describe("the evidence archive", () => {
  it("queues the archive in the adding transaction; the runner stores a snapshot with hash, status and text", async () => {
    // Straight quotes and a line break where the page has curly quotes and one space: still found.
    const evidence = await addSource("/report", '"the UK spends 2.3 per cent\nof GDP on defence"');
    expect(evidence.archive).toEqual({ at: null, error: null, excerptFound: null });
    const archivedAt = await until(async () => (await evidenceRow(evidence.id)).archivedAt);
    const snapshot = await testDb().evidenceSnapshot.findFirstOrThrow({ where: { evidenceId: evidence.id, purpose: "archive" } });
    expect(snapshot).toMatchObject({ status: 200, finalUrl: `${server.origin}/report`, contentType: "text/html", error: null });
    expect(snapshot.sha256).toMatch(/^[0-9a-f]{64}$/);
    expect(snapshot.text).toContain("Spending is set to rise over the next decade");
    expect(snapshot.text).not.toContain("<p>");
    expect(snapshot.fetchedAt).toEqual(archivedAt);

    const claim = await getClaim({ claimId, userId: desk.viewer.id });
    const card = claim!.evidence.find((e) => e.id === evidence.id)!;
    expect(card.archive).toEqual({ at: archivedAt.toISOString(), error: null, excerptFound: true });
    expect(card.source.flag).toBeNull();

    const view = await getEvidenceArchive({ userId: desk.viewer.id, evidenceId: evidence.id });
    expect(view?.archive?.text).toBe(snapshot.text);
    expect(await getEvidenceArchive({ userId: intruder.id, evidenceId: evidence.id })).toBeNull();
  });

  // Found in review: the job fetched the source again for evidence that had been removed meanwhile.
  it("leaves removed evidence alone: no fetch, no snapshot", async () => {
    const evidence = await addSource("/report");
    await until(async () => (await evidenceRow(evidence.id)).archivedAt);
    await testDb().evidence.update({ where: { id: evidence.id }, data: { deletedAt: new Date() } });
    const before = await testDb().evidenceSnapshot.count({ where: { evidenceId: evidence.id } });
    expect(await archiveEvidence(evidence.id)).toBe("skipped");
    expect(await testDb().evidenceSnapshot.count({ where: { evidenceId: evidence.id } })).toBe(before);
  });

  it("says when the excerpt is not in the archived page", async () => {
    const evidence = await addSource("/report", "the UK spends 4 per cent of GDP on defence");
    await until(async () => (await evidenceRow(evidence.id)).archivedAt);
    expect((await evidenceRow(evidence.id)).excerptFound).toBe(false);
  });

  it("keeps the last error visible while the archive job retries, and archives once the page answers", async () => {
    server.routes.set("/late", { status: 503, body: "busy" });
    const evidence = await addSource("/late");
    await expect(archiveEvidence(evidence.id, { attempt: 1, maxAttempts: 8 })).rejects.toThrow("HTTP 503");
    expect((await evidenceRow(evidence.id)).archiveError).toMatch(/HTTP 503/);
    const card = (await getClaim({ claimId, userId: desk.viewer.id }))!.evidence.find((e) => e.id === evidence.id)!;
    expect(card.archive.error).toMatch(/HTTP 503/);
    server.routes.set("/late", { body: page("2.3") });
    expect(await archiveEvidence(evidence.id)).toBe("archived");
    expect(await evidenceRow(evidence.id)).toMatchObject({ archiveError: null, excerptFound: null });
  });
});

describe("the drift watch", () => {
  it("flags a changed source after a scheduled check, with a word diff against the archive", async () => {
    server.routes.set("/drift", { body: page("2.3") });
    const evidence = await addSource("/drift");
    await until(async () => (await evidenceRow(evidence.id)).archivedAt);

    // Nothing is due yet: the team checks daily and the archive is minutes old.
    await queueDueSourceChecks(new Date());
    const unchanged = await checkEvidenceSource(evidence.id);
    expect(unchanged).toBe("unchanged");

    server.routes.set("/drift", { body: page("2.5") });
    const later = new Date(Date.now() + 2 * 86_400_000);
    expect(await queueDueSourceChecks(later)).toBeGreaterThan(0);
    await until(async () => (await evidenceRow(evidence.id)).sourceFlag === "changed");

    const view = await getEvidenceArchive({ userId: desk.reviewer.id, evidenceId: evidence.id });
    expect(view?.sourceFlag).toBe("changed");
    expect(view?.check?.text).toContain("2.5 per cent");
    const parts = view!.diff!.parts;
    const side = (kind: string) =>
      parts
        .filter((p) => p.kind === kind)
        .map((p) => p.text.trim())
        .join("");
    // Word by word: only the figure differs ("2.3" → "2.5"); the rest of the page is unchanged.
    expect(side("removed")).not.toBe("");
    expect("2.3").toContain(side("removed"));
    expect("2.5").toContain(side("added"));
    expect(
      parts
        .filter((p) => p.kind !== "added")
        .map((p) => p.text)
        .join(""),
    ).toBe(view!.archive!.text);
    expect(
      parts
        .filter((p) => p.kind !== "removed")
        .map((p) => p.text)
        .join(""),
    ).toBe(view!.check!.text);

    const needs = await listNeedsMe({ userId: desk.editor.id, teamId: desk.team.id });
    expect(needs.items.find((i) => i.kind === "source" && i.claimId === claimId)?.detail).toMatch(/changed/);
    expect(await getEvidenceArchive({ userId: intruder.id, evidenceId: evidence.id })).toBeNull();

    // Back as archived: the flag clears.
    server.routes.set("/drift", { body: page("2.3") });
    expect(await checkEvidenceSource(evidence.id)).toBe("unchanged");
    expect((await evidenceRow(evidence.id)).sourceFlag).toBeNull();
  });

  it("flags a source gone on a 404, and on a refused connection", async () => {
    server.routes.set("/gone", { body: page("2.3") });
    const evidence = await addSource("/gone");
    await until(async () => (await evidenceRow(evidence.id)).archivedAt);

    server.routes.set("/gone", { status: 404, body: "not here" });
    expect(await checkEvidenceSource(evidence.id)).toBe("gone");
    let view = await getEvidenceArchive({ userId: desk.reviewer.id, evidenceId: evidence.id });
    expect(view).toMatchObject({ sourceFlag: "gone", check: { status: 404 } });
    expect(view?.check?.error).toMatch(/HTTP 404/);
    expect(view?.archive?.text).toContain("Spending is set to rise");

    // Nothing listens on the port any more.
    const closed = await startTestServer();
    await closed.close();
    await testDb().evidence.update({ where: { id: evidence.id }, data: { url: `${closed.origin}/gone` } });
    expect(await checkEvidenceSource(evidence.id)).toBe("gone");
    view = await getEvidenceArchive({ userId: desk.reviewer.id, evidenceId: evidence.id });
    expect(view?.check?.status).toBeNull();
    expect(view?.check?.error).toBeTruthy();
    const card = (await getClaim({ claimId, userId: desk.viewer.id }))!.evidence.find((e) => e.id === evidence.id)!;
    expect(card.source.flag).toBe("gone");
  });

  it("never checks removed evidence or teams that turned the watch off", async () => {
    server.routes.set("/off", { body: page("2.3") });
    const evidence = await addSource("/off");
    await until(async () => (await evidenceRow(evidence.id)).archivedAt);
    await testDb().team.update({ where: { id: desk.team.id }, data: { sourceCheckDays: 0 } });
    try {
      await queueDueSourceChecks(new Date(Date.now() + 400 * 86_400_000));
      const queued = await db.$queryRaw<{ n: number }[]>`
        SELECT count(*)::int AS n FROM graphile_worker._private_jobs WHERE key = ${`evidence-check:${evidence.id}`}`;
      expect(queued[0]!.n).toBe(0);
    } finally {
      await testDb().team.update({ where: { id: desk.team.id }, data: { sourceCheckDays: 1 } });
    }
    await testDb().evidence.update({ where: { id: evidence.id }, data: { deletedAt: new Date() } });
    expect(await checkEvidenceSource(evidence.id)).toBe("skipped");
  });
});
