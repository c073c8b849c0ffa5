import { expect, test, type APIRequestContext } from "../fixtures/test";
import { signIn, signInByApi } from "../fixtures/auth";
import { createDesk, testDb } from "../fixtures/factories";
import { createClaim } from "../../lib/claims/create-claim";
import { targetFor } from "../../lib/claims/test-helpers";
import {
  cookieHeader,
  endsWithin,
  eventSourcesOf,
  openStream as openStreamWith,
  recordEventSources,
  type OpenStream,
} from "../fixtures/streams";

/**
 * An event stream checks its reader once, when it opens; it then lives for hours. These tests take
 * access away while a stream is open and expect the server to end it (at its next heartbeat, every
 * 15 s), not to keep telling a signed-out or removed person when and what the team changes.
 */

/** Opens a stream with the context's cookies (its session). */
const openStream = async (api: APIRequestContext, baseURL: string, path: string): Promise<OpenStream> =>
  openStreamWith(baseURL, path, { cookie: await cookieHeader(api) });

async function signOutByApi(api: APIRequestContext) {
  const { csrfToken } = (await (await api.get("/api/auth/csrf")).json()) as { csrfToken: string };
  const response = await api.post("/api/auth/signout", { form: { csrfToken, json: "true" } });
  expect(response.status()).toBeLessThan(400);
}

test("an article's stream ends once its reader signs out; a colleague's stays open", async ({ playwright, baseURL }) => {
  test.setTimeout(90_000);
  const desk = await createDesk();
  const leaving = await playwright.request.newContext({ baseURL, extraHTTPHeaders: { origin: baseURL! } });
  const staying = await playwright.request.newContext({ baseURL, extraHTTPHeaders: { origin: baseURL! } });
  expect((await signInByApi(leaving, desk.reviewer)).status()).toBe(200);
  expect((await signInByApi(staying, desk.reviewer2)).status()).toBe(200);
  const path = `/api/v1/articles/${desk.article.id}/events`;
  const colleague = await openStream(staying, baseURL!, path);
  const stream = await openStream(leaving, baseURL!, path);
  try {
    await signOutByApi(leaving);
    expect((await leaving.get(`/api/v1/articles/${desk.article.id}`)).status()).toBe(401);
    // Two heartbeats and some slack: the old code kept the stream open for as long as the reader liked.
    expect(await endsWithin(stream, 40_000)).toBe(true);
    expect(await endsWithin(colleague, 0)).toBe(false);
  } finally {
    await Promise.all([stream.cancel(), colleague.cancel()]);
    await Promise.all([leaving.dispose(), staying.dispose()]);
  }
});

test("a member removed from the team stops receiving its change signals on /api/v1/me/events", async ({ playwright, baseURL }) => {
  test.setTimeout(90_000);
  const desk = await createDesk();
  const api = await playwright.request.newContext({ baseURL, extraHTTPHeaders: { origin: baseURL! } });
  expect((await signInByApi(api, desk.reviewer)).status()).toBe(200);
  const stream = await openStream(api, baseURL!, "/api/v1/me/events");
  try {
    await testDb().membership.deleteMany({ where: { userId: desk.reviewer.id, teamId: desk.team.id } });
    expect(await endsWithin(stream, 40_000)).toBe(true);
  } finally {
    await stream.cancel();
    await api.dispose();
  }
});

// Stop 29: the stream above ended only at its next heartbeat check (up to 15 s), and meanwhile told the removed
// member of every change in the team. Now it ends when the removal commits: a change made after it reaches a
// colleague's stream, never theirs.
test("a member removed from the team gets no change signal made after the removal commits", async ({ playwright, baseURL }) => {
  test.setTimeout(90_000);
  const desk = await createDesk();
  const removed = await playwright.request.newContext({ baseURL, extraHTTPHeaders: { origin: baseURL! } });
  const staying = await playwright.request.newContext({ baseURL, extraHTTPHeaders: { origin: baseURL! } });
  expect((await signInByApi(removed, desk.reviewer)).status()).toBe(200);
  expect((await signInByApi(staying, desk.reviewer2)).status()).toBe(200);
  const stream = await openStream(removed, baseURL!, "/api/v1/me/events");
  const colleague = await openStream(staying, baseURL!, "/api/v1/me/events");
  try {
    await testDb().membership.deleteMany({ where: { userId: desk.reviewer.id, teamId: desk.team.id } });
    // A change in the team after the removal committed (an audited write by the colleague, its NOTIFY with it).
    const start = desk.article.body.indexOf(". ") + 2;
    await createClaim({
      userId: desk.reviewer2.id,
      articleId: desk.article.id,
      target: targetFor(desk.article.body, desk.article.body.slice(start, start + 40)),
    });
    // The colleague heard the change, so this instance has dispatched it: the removed member's stream had ended.
    await expect.poll(() => colleague.text()).toContain("event: change");
    expect(stream.text()).not.toContain("event: change");
    expect(await endsWithin(stream, 10_000)).toBe(true);
  } finally {
    await Promise.all([stream.cancel(), colleague.cancel()]);
    await Promise.all([removed.dispose(), staying.dispose()]);
  }
});

// The periodic re-check of /api/v1/me/events now runs every 60 s: archiving the team ends the stream at commit
// (migration access_changed_team_archived), well before that check.
test("a member's /api/v1/me/events stream ends once their team is archived, before the 60 s re-check", async ({ playwright, baseURL }) => {
  test.setTimeout(90_000);
  const desk = await createDesk();
  const api = await playwright.request.newContext({ baseURL, extraHTTPHeaders: { origin: baseURL! } });
  expect((await signInByApi(api, desk.reviewer)).status()).toBe(200);
  const stream = await openStream(api, baseURL!, "/api/v1/me/events");
  try {
    await testDb().team.update({ where: { id: desk.team.id }, data: { archivedAt: new Date() } });
    expect(await endsWithin(stream, 30_000)).toBe(true);
  } finally {
    await stream.cancel();
    await api.dispose();
  }
});

test("an article's stream ends once its team is archived", async ({ playwright, baseURL }) => {
  test.setTimeout(90_000);
  const desk = await createDesk();
  const api = await playwright.request.newContext({ baseURL, extraHTTPHeaders: { origin: baseURL! } });
  expect((await signInByApi(api, desk.reviewer)).status()).toBe(200);
  const stream = await openStream(api, baseURL!, `/api/v1/articles/${desk.article.id}/events`);
  try {
    await testDb().team.update({ where: { id: desk.team.id }, data: { archivedAt: new Date() } });
    expect(await endsWithin(stream, 40_000)).toBe(true);
  } finally {
    await stream.cancel();
    await api.dispose();
  }
});

test("one person's streams are capped: opening one more than 32 closes their oldest, the newest works", async ({ playwright, baseURL }) => {
  test.setTimeout(90_000);
  const desk = await createDesk();
  const api = await playwright.request.newContext({ baseURL, extraHTTPHeaders: { origin: baseURL! } });
  expect((await signInByApi(api, desk.reviewer)).status()).toBe(200);
  const streams: OpenStream[] = [];
  try {
    for (let i = 0; i < 32; i++) streams.push(await openStream(api, baseURL!, "/api/v1/me/events"));
    expect(await endsWithin(streams[0]!, 0)).toBe(false);
    streams.push(await openStream(api, baseURL!, `/api/v1/articles/${desk.article.id}/events`));
    // The old code kept every one of them open (1,200 a minute under the session's API limit).
    expect(await endsWithin(streams[0]!, 10_000)).toBe(true);
    // It was told why first, so a browser stops reconnecting (which would close the next oldest, round and round).
    expect(streams[0]!.text()).toContain('event: paused\ndata: {"reason":"too_many_streams"}');
    expect(await endsWithin(streams[1]!, 0)).toBe(false);
    expect(await endsWithin(streams[32]!, 0)).toBe(false);
    // Another person's streams are not theirs to crowd out.
    const other = await playwright.request.newContext({ baseURL, extraHTTPHeaders: { origin: baseURL! } });
    expect((await signInByApi(other, desk.reviewer2)).status()).toBe(200);
    const theirs = await openStream(other, baseURL!, "/api/v1/me/events");
    expect(await endsWithin(streams[1]!, 0)).toBe(false);
    await theirs.cancel();
    await other.dispose();
  } finally {
    await Promise.all(streams.map((s) => s.cancel()));
    await api.dispose();
  }
});

test("a tab whose streams the cap closed stops reconnecting and says why; the newer streams stay open", async ({
  page,
  playwright,
  baseURL,
}) => {
  test.setTimeout(120_000);
  const desk = await createDesk();
  const streamRequests: string[] = [];
  page.on("request", (r) => {
    if (new URL(r.url()).pathname.endsWith("/events")) streamRequests.push(r.url());
  });
  await signIn(page, desk.reviewer);
  await recordEventSources(page);
  await page.goto(`/articles/${desk.article.id}`);
  await expect(page.getByTestId("live-status")).toContainText("Live");
  // The tab's two streams: the article's and the team's (the bell).
  await expect.poll(() => streamRequests.length).toBe(2);

  // The same person opens 32 more elsewhere: the tab's two are the oldest, so the cap closes them.
  const api = await playwright.request.newContext({ baseURL, extraHTTPHeaders: { origin: baseURL! } });
  expect((await signInByApi(api, desk.reviewer)).status()).toBe(200);
  const streams: OpenStream[] = [];
  try {
    for (let i = 0; i < 32; i++) streams.push(await openStream(api, baseURL!, "/api/v1/me/events"));
    await expect(page.getByTestId("live-status")).toContainText("Live updates paused: too many open tabs — reload to resume");
    await expect(page.getByTestId("live-paused")).toContainText("Live updates paused");
    // The old page reconnected (retry: 2 s), closing the oldest of the 32, which a browser would reopen in turn. Now
    // both of the tab's streams hear `paused` and the page closes them: a closed EventSource never reconnects, and
    // the page makes no other.
    await expect
      .poll(() => eventSourcesOf(page))
      .toEqual([expect.objectContaining({ paused: 1, closed: true }), expect.objectContaining({ paused: 1, closed: true })]);
    expect(streamRequests).toHaveLength(2);
    for (const stream of streams) expect(await endsWithin(stream, 0)).toBe(false);
    if (process.env.SHOTS_DIR) {
      for (const width of [1440, 390]) {
        await page.setViewportSize({ width, height: 900 });
        await page.screenshot({ path: `${process.env.SHOTS_DIR}/live-paused-${width}.png` });
      }
    }
  } finally {
    await Promise.all(streams.map((s) => s.cancel()));
    await api.dispose();
  }
});
