import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createDesk, testDb } from "@/e2e/fixtures/factories";
import { AppError } from "@/lib/http/errors";
import {
  beginKey,
  finishKey,
  hashBody,
  IDEMPOTENCY_TTL_MS,
  PENDING_LEASE_MS,
  releaseKey,
  type IdempotentRequest,
} from "@/lib/idempotency/keys";

let userId: string;
let otherUserId: string;
beforeAll(async () => {
  const desk = await createDesk();
  userId = desk.reviewer.id;
  otherUserId = desk.reviewer2.id;
});
afterAll(async () => {
  await testDb().$disconnect();
});

let n = 0;
const request = (overrides: Partial<IdempotentRequest> = {}): IdempotentRequest => ({
  userId,
  key: `key-${++n}-${Date.now()}`,
  method: "POST",
  path: "/api/v1/articles/a1/claims",
  bodyHash: hashBody('{"x":1}'),
  ...overrides,
});
const codeOf = (promise: Promise<unknown>) =>
  promise.then(
    () => "ok",
    (e: unknown) => (e instanceof AppError ? e.code : String(e)),
  );

describe("idempotency keys", () => {
  it("run the first request, then give its answer to a retry", async () => {
    const first = request();
    const begun = await beginKey(first);
    expect(begun.kind).toBe("run");
    if (begun.kind !== "run") return;
    await finishKey(begun.lease, { status: 201, body: '{"claim":{"id":"c1"}}', contentType: "application/json" });
    expect(await beginKey(first)).toEqual({
      kind: "replay",
      answer: { status: 201, body: '{"claim":{"id":"c1"}}', contentType: "application/json" },
    });
    // Keys are per user: someone else's identical key is their own.
    expect((await beginKey({ ...first, userId: otherUserId })).kind).toBe("run");
  });

  it("refuse the same key for a different request, and say a running one is still running", async () => {
    const first = request();
    const begun = await beginKey(first);
    expect(await codeOf(beginKey(first))).toBe("conflict");
    expect(await codeOf(beginKey({ ...first, bodyHash: hashBody('{"x":2}') }))).toBe("unprocessable");
    expect(await codeOf(beginKey({ ...first, path: "/api/v1/claims/c1/comments" }))).toBe("unprocessable");
    if (begun.kind === "run") await releaseKey(begun.lease);
    // Released (the request failed): the retry runs for real.
    expect((await beginKey(first)).kind).toBe("run");
  });

  it("let exactly one of many concurrent duplicates run", async () => {
    const first = request();
    const outcomes = await Promise.all(
      Array.from({ length: 8 }, () =>
        beginKey(first).then(
          (b) => b.kind,
          (e: unknown) => (e instanceof AppError ? e.code : "error"),
        ),
      ),
    );
    expect(outcomes.filter((o) => o === "run")).toHaveLength(1);
    expect(outcomes.filter((o) => o !== "run").every((o) => o === "conflict")).toBe(true);
  });

  it("take over a key whose first request died, and start afresh after 24 hours", async () => {
    const stale = request();
    await testDb().idempotencyKey.create({ data: { ...stale, createdAt: new Date(Date.now() - PENDING_LEASE_MS - 1000) } });
    expect((await beginKey(stale)).kind).toBe("run");

    const old = request();
    await testDb().idempotencyKey.create({
      data: {
        ...old,
        status: 201,
        response: "{}",
        contentType: "application/json",
        createdAt: new Date(Date.now() - IDEMPOTENCY_TTL_MS - 1000),
      },
    });
    expect((await beginKey({ ...old, bodyHash: hashBody("another body") })).kind).toBe("run");
  });

  it("keep an answer only for the request that still holds the key", async () => {
    const first = request();
    const begun = await beginKey(first);
    if (begun.kind !== "run") throw new Error("expected to run");
    await testDb().idempotencyKey.update({
      where: { userId_key: { userId, key: first.key } },
      data: { createdAt: new Date(Date.now() - PENDING_LEASE_MS - 1000) },
    });
    const taker = await beginKey(first); // the lease ran out: a retry takes the key over
    expect(taker.kind).toBe("run");
    await finishKey(begun.lease, { status: 201, body: "late", contentType: "application/json" }); // the first finishes late: ignored
    if (taker.kind === "run") await finishKey(taker.lease, { status: 201, body: "taker", contentType: "application/json" });
    expect(await beginKey(first)).toMatchObject({ kind: "replay", answer: { body: "taker" } });
  });
});
