import { expect, test } from "../fixtures/test";
import { signInByApi } from "../fixtures/auth";
import { createDesk, testDb } from "../fixtures/factories";
import { cookieHeader, endsWithin, openStream, type OpenStream } from "../fixtures/streams";
import { createApiToken } from "../../lib/api-tokens/create-token";
import { createClaim } from "../../lib/claims/create-claim";
import { targetFor } from "../../lib/claims/test-helpers";

/**
 * live33: an event stream was authorised when it opened and re-checked every 15 s (an article's) or 60 s
 * (/api/v1/me/events), so a session or API token that EXPIRED while it was open went on hearing the team's changes
 * until then. Now a stream ends at its credential's expiry. The credentials here are made to expire a few seconds
 * after the stream opens; a change made once they have expired reaches a colleague's stream, never the intruder's.
 */

/** Long enough to open the streams under load; the credential expires this long after it is set up. */
const EXPIRES_IN_MS = 5_000;
const DAY_MS = 86_400_000;

type Desk = Awaited<ReturnType<typeof createDesk>>;

/** An audited change on the desk's article by its second reviewer (the NOTIFY goes out with it). */
async function colleagueMakesAChange(desk: Desk) {
  const body = desk.article.body;
  const start = body.indexOf(". ") + 2;
  await createClaim({ userId: desk.reviewer2.id, articleId: desk.article.id, target: targetFor(body, body.slice(start, start + 40)) });
}

/**
 * Once `expired()` holds (the intruder's own requests are refused): a change reaches the colleague's stream, none
 * reaches the intruder's, and the intruder's has ended.
 */
async function expectCutOffAtExpiry(desk: Desk, intruder: OpenStream, colleague: OpenStream, expired: () => Promise<boolean>) {
  await expect.poll(expired, { timeout: 30_000 }).toBe(true);
  const seen = intruder.text().length;
  const colleagueSeen = colleague.text().length;
  await colleagueMakesAChange(desk);
  await expect.poll(() => colleague.text().slice(colleagueSeen)).toContain("event: change");
  // The old code went on: the change reached the expired credential's stream, which stayed open past 40 s.
  expect(intruder.text().slice(seen)).not.toContain("event: change");
  expect(await endsWithin(intruder, 10_000)).toBe(true);
  expect(await endsWithin(colleague, 0)).toBe(false);
}

test("a session that expires while /api/v1/me/events is open: the stream ends, and hears nothing after", async ({
  playwright,
  baseURL,
}) => {
  test.setTimeout(90_000);
  const desk = await createDesk();
  const expiring = await playwright.request.newContext({ baseURL, extraHTTPHeaders: { origin: baseURL! } });
  const staying = await playwright.request.newContext({ baseURL, extraHTTPHeaders: { origin: baseURL! } });
  const streams: OpenStream[] = [];
  try {
    expect((await signInByApi(expiring, desk.reviewer)).status()).toBe(200);
    expect((await signInByApi(staying, desk.reviewer2)).status()).toBe(200);
    // Its idle deadline, seconds away (the session was last seen at sign-in, so nothing moves it on meanwhile).
    await testDb().session.updateMany({
      where: { userId: desk.reviewer.id, revokedAt: null },
      data: { expiresAt: new Date(Date.now() + EXPIRES_IN_MS) },
    });
    const intruder = await openStream(baseURL!, "/api/v1/me/events", { cookie: await cookieHeader(expiring) });
    streams.push(intruder);
    const colleague = await openStream(baseURL!, "/api/v1/me/events", { cookie: await cookieHeader(staying) });
    streams.push(colleague);
    await expectCutOffAtExpiry(
      desk,
      intruder,
      colleague,
      async () => (await expiring.get(`/api/v1/articles/${desk.article.id}`)).status() === 401,
    );
  } finally {
    await Promise.all(streams.map((s) => s.cancel()));
    await Promise.all([expiring.dispose(), staying.dispose()]);
  }
});

test("an API token that expires while an article's stream is open: the stream ends, and hears nothing after", async ({
  playwright,
  baseURL,
}) => {
  test.setTimeout(90_000);
  const desk = await createDesk();
  // A 7-day token made so that its seven days end seconds from now.
  const { secret } = await createApiToken({
    userId: desk.editor.id,
    teamId: desk.team.id,
    input: { name: "expiring stream", scope: "read", expiresIn: "7d" },
    now: new Date(Date.now() - 7 * DAY_MS + EXPIRES_IN_MS),
  });
  const bearer = { authorization: `Bearer ${secret}` };
  const staying = await playwright.request.newContext({ baseURL, extraHTTPHeaders: { origin: baseURL! } });
  const streams: OpenStream[] = [];
  try {
    expect((await signInByApi(staying, desk.reviewer2)).status()).toBe(200);
    const path = `/api/v1/articles/${desk.article.id}/events`;
    const intruder = await openStream(baseURL!, path, bearer);
    streams.push(intruder);
    const colleague = await openStream(baseURL!, path, { cookie: await cookieHeader(staying) });
    streams.push(colleague);
    const refused = async () => (await fetch(new URL(`/api/v1/articles/${desk.article.id}`, baseURL), { headers: bearer })).status === 401;
    await expectCutOffAtExpiry(desk, intruder, colleague, refused);
  } finally {
    await Promise.all(streams.map((s) => s.cancel()));
    await staying.dispose();
  }
});
