// An event stream checked its credential when it opened, then only at a periodic re-check (every 15 s for an
// article's stream, every 60 s for /api/v1/me/events): a session or API token that EXPIRED while the stream was open
// went on receiving the team's changes until then. From the intruder's side: a credential made to expire a few
// seconds after the stream opens (created so through the data layer), a change made once it has expired, which a
// colleague's stream receives and theirs must not; their stream has ended.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createDesk, testDb } from "@/e2e/fixtures/factories";
import { createApiToken } from "@/lib/api-tokens/create-token";
import { latestActivityId } from "@/lib/audit/list-activity";
import { createClaim } from "@/lib/claims/create-claim";
import { targetFor } from "@/lib/claims/test-helpers";
import { API_METHOD_HEADER } from "@/lib/http/api-request";
import { articleEventStream } from "@/lib/live/article-stream";
import { closeAtDeadline, streamDeadline } from "@/lib/live/credential-expiry";
import { checkSession, isCredentialLive, SESSION_IDLE_SECONDS, startSession } from "@/lib/sessions/sessions";

/** How long after it is made the intruder's credential expires: enough to open the stream first. */
const EXPIRES_IN_MS = 3_000;
const DAY_MS = 86_400_000;

let desk: Awaited<ReturnType<typeof createDesk>>;
const opened: OpenStream[] = [];
beforeAll(async () => {
  desk = await createDesk();
});
afterAll(async () => {
  await Promise.all(opened.map((stream) => stream.cancel()));
  await testDb().$disconnect();
});

type OpenStream = { text: () => string; ended: () => boolean; done: Promise<void>; cancel: () => Promise<void> };

/** Reads a stream Response's body as it arrives; `cancel` aborts it as a leaving browser would. */
function readStream(response: Response, controller: AbortController): OpenStream {
  expect(response.status).toBe(200);
  let received = "";
  let ended = false;
  const reader = response.body!.getReader();
  const decoder = new TextDecoder();
  const done = (async () => {
    for (;;) {
      const { done: finished, value } = await reader.read();
      if (finished) return;
      received += decoder.decode(value, { stream: true });
    }
  })()
    .catch(() => {})
    .finally(() => (ended = true));
  const stream = {
    text: () => received,
    ended: () => ended,
    done,
    cancel: async () => {
      controller.abort();
      await reader.cancel().catch(() => {});
      await done;
    },
  };
  opened.push(stream);
  return stream;
}

const until = async (done: () => boolean | Promise<boolean>) => {
  while (!(await done())) await new Promise((resolve) => setTimeout(resolve, 50));
};

async function openArticleStream(user: { id: string; sessionId?: string; apiTokenId?: string }): Promise<OpenStream> {
  const controller = new AbortController();
  const afterId = BigInt(await latestActivityId(desk.article.id));
  const response = await articleEventStream({ articleId: desk.article.id, user, afterId, signal: controller.signal });
  const stream = readStream(response, controller);
  await until(() => stream.text().includes("retry:"));
  return stream;
}

/** GET /api/v1/me/events as the proxy hands it on: with a bearer token, marked as an API request. */
async function openMeStream(secret: string): Promise<OpenStream> {
  const controller = new AbortController();
  const request = new Request("http://localhost/api/v1/me/events", {
    headers: { authorization: `Bearer ${secret}`, [API_METHOD_HEADER]: "GET", accept: "text/event-stream" },
    signal: controller.signal,
  });
  // The real route handler, imported as the route tests do (only app/ imports app/ statically: lib/actions/actions.test.ts).
  const { GET: meEvents } = await import("@/app/api/v1/me/events/route");
  const stream = readStream(await meEvents(request, { params: Promise.resolve({}) }), controller);
  await until(() => stream.text().includes("retry:"));
  return stream;
}

/** A session of `userId` whose idle deadline is EXPIRES_IN_MS from now (it started and was last seen 12 h ago). */
const expiringSession = (userId: string) =>
  startSession({ userId, userAgent: null, ip: "203.0.113.9", now: new Date(Date.now() - SESSION_IDLE_SECONDS * 1000 + EXPIRES_IN_MS) });

/** A 7-day read token of `user` created so that it expires EXPIRES_IN_MS from now. */
const expiringToken = (user: { id: string; teamId: string }) =>
  createApiToken({
    userId: user.id,
    teamId: user.teamId,
    input: { name: "expiring stream", scope: "read", expiresIn: "7d" },
    now: new Date(Date.now() - 7 * DAY_MS + EXPIRES_IN_MS),
  });

let claimNumber = 0;
/** An audited change on the desk's article by the colleague (its NOTIFY goes out with it). */
async function colleagueMakesAChange() {
  const body = desk.article.body;
  const start = body.indexOf(". ", 200 * ++claimNumber) + 2;
  await createClaim({ userId: desk.reviewer2.id, articleId: desk.article.id, target: targetFor(body, body.slice(start, start + 40)) });
}

/** After the credential expired: a change reaches the colleague's stream, and none reached the intruder's, which ended. */
async function expectCutOffAtExpiry(intruder: OpenStream, colleague: OpenStream, stillLive: () => Promise<boolean>) {
  await until(async () => !(await stillLive()));
  const seenBefore = intruder.text().length;
  const colleagueBefore = colleague.text().length;
  await colleagueMakesAChange();
  await until(() => colleague.text().slice(colleagueBefore).includes("event: change"));
  expect(intruder.text().slice(seenBefore)).not.toContain("event: change");
  await intruder.done;
  expect(intruder.ended()).toBe(true);
  expect(colleague.ended()).toBe(false);
}

describe("an event stream whose credential expires while it is open", () => {
  it("an article's stream opened with a session ends at the session's expiry, before the next change", async () => {
    const session = await expiringSession(desk.reviewer.id);
    const colleagueSession = await startSession({ userId: desk.reviewer2.id, userAgent: null, ip: "203.0.113.10" });
    const intruder = await openArticleStream({ id: desk.reviewer.id, sessionId: session.id });
    const colleague = await openArticleStream({ id: desk.reviewer2.id, sessionId: colleagueSession.id });
    await expectCutOffAtExpiry(intruder, colleague, () => isCredentialLive({ userId: desk.reviewer.id, sessionId: session.id }));
  }, 30_000);

  it("an article's stream opened with an API token ends at the token's expiry", async () => {
    const { token } = await expiringToken(desk.editor);
    const { token: colleagueToken } = await createApiToken({
      userId: desk.reviewer2.id,
      teamId: desk.team.id,
      input: { name: "colleague", scope: "read", expiresIn: "30d" },
    });
    const intruder = await openArticleStream({ id: desk.editor.id, apiTokenId: token.id });
    const colleague = await openArticleStream({ id: desk.reviewer2.id, apiTokenId: colleagueToken.id });
    await expectCutOffAtExpiry(intruder, colleague, () => isCredentialLive({ userId: desk.editor.id, apiTokenId: token.id }));
  }, 30_000);

  it("/api/v1/me/events opened with an API token ends at the token's expiry, before its 60 s re-check", async () => {
    const { token, secret } = await expiringToken(desk.admin);
    const { secret: colleagueSecret } = await createApiToken({
      userId: desk.viewer.id,
      teamId: desk.team.id,
      input: { name: "colleague", scope: "read", expiresIn: "30d" },
    });
    const intruder = await openMeStream(secret);
    const colleague = await openMeStream(colleagueSecret);
    await expectCutOffAtExpiry(intruder, colleague, () => isCredentialLive({ userId: desk.admin.id, apiTokenId: token.id }));
  }, 30_000);

  // A session in use moves its idle deadline on (checkSession, once a minute): its streams stay open past the
  // deadline they were opened with, and end at the new one.
  it("a session used meanwhile keeps its streams: at the old deadline the watch reads the new one", async () => {
    const session = await expiringSession(desk.viewer.id);
    const reader = { id: desk.viewer.id, sessionId: session.id };
    const deadline = await streamDeadline(reader);
    let expired = false;
    const watch = closeAtDeadline({ reader, deadline, expire: () => (expired = true) });
    try {
      expect(await checkSession(session.secret)).not.toBeNull(); // the person makes a request: 12 h more
      await until(() => Date.now() > deadline);
      await until(() => !watch.lapsed());
      expect(expired).toBe(false);
      expect(await streamDeadline(reader)).toBeGreaterThan(deadline);
    } finally {
      watch.stop();
    }
  });
});
