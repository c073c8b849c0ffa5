// Reported: a create whose answer was lost (the instance killed after its transaction committed, before the
// answer was kept) let the client's retry create a second copy. The create's own transaction now marks
// the key as used, so the retry is refused instead.
import { afterAll, describe, expect, it } from "vitest";
import { createDesk, testDb } from "@/e2e/fixtures/factories";
import { importAnnotations } from "@/lib/annotations/import-annotations";
import { createClaim } from "@/lib/claims/create-claim";
import { targetFor } from "@/lib/claims/test-helpers";
import { AppError } from "@/lib/http/errors";
import { beginKey, hashBody, PENDING_LEASE_MS, releaseKey, runMarkingKey } from "@/lib/idempotency/keys";

afterAll(async () => {
  await testDb().$disconnect();
});

const PHRASE = "The UK currently spends around 2.3 per cent of gross national product on defence";

describe("an idempotent create whose answer was lost", () => {
  it("is not run again by a retry once its lease runs out: the retry is told, and nothing is duplicated", async () => {
    const desk = await createDesk();
    const request = {
      userId: desk.reviewer.id,
      key: `lost-${Date.now()}`,
      method: "POST",
      path: `/api/v1/articles/${desk.article.id}/claims`,
      bodyHash: hashBody("{}"),
    };
    const begun = await beginKey(request);
    if (begun.kind !== "run") throw new Error("expected to run");
    const target = targetFor(desk.article.body, PHRASE);
    // The create commits; then the instance dies: finishKey never runs.
    await runMarkingKey(begun.lease, () => createClaim({ userId: desk.reviewer.id, articleId: desk.article.id, target }));
    await testDb().idempotencyKey.update({
      where: { userId_key: { userId: request.userId, key: request.key } },
      data: { createdAt: new Date(Date.now() - PENDING_LEASE_MS - 1000) },
    });

    const retry = await beginKey(request).then(
      () => null,
      (e: unknown) => e,
    );
    expect(retry).toBeInstanceOf(AppError);
    expect((retry as AppError).status).toBe(409);
    expect((retry as AppError).message).toContain("succeeded, but its answer was lost");
    expect(await testDb().claim.count({ where: { articleId: desk.article.id } })).toBe(1);
  });

  // The class: every transaction a create opens must carry the mark, including those that were written as
  // db.$transaction before inTransaction existed (the W3C annotation import was one).
  it("covers the W3C annotation import too: its retry is refused and no claim is imported twice", async () => {
    const desk = await createDesk();
    const request = {
      userId: desk.reviewer.id,
      key: `lost-import-${Date.now()}`,
      method: "POST",
      path: `/api/v1/articles/${desk.article.id}/annotations`,
      bodyHash: hashBody("{}"),
    };
    const begun = await beginKey(request);
    if (begun.kind !== "run") throw new Error("expected to run");
    const document = {
      type: "AnnotationPage",
      items: [
        {
          type: "Annotation",
          target: { source: "https://elsewhere.example/a", selector: { type: "TextQuoteSelector", exact: PHRASE } },
          body: [],
        },
      ],
    };
    await runMarkingKey(begun.lease, () => importAnnotations({ userId: desk.reviewer.id, articleId: desk.article.id, document }));
    await testDb().idempotencyKey.update({
      where: { userId_key: { userId: request.userId, key: request.key } },
      data: { createdAt: new Date(Date.now() - PENDING_LEASE_MS - 1000) },
    });
    await expect(beginKey(request)).rejects.toThrow(/succeeded, but its answer was lost/);
    expect(await testDb().claim.count({ where: { articleId: desk.article.id } })).toBe(1);
  });

  it("a create that failed (rolled back) still releases its key, so the retry runs", async () => {
    const desk = await createDesk();
    const request = { userId: desk.reviewer.id, key: `failed-${Date.now()}`, method: "POST", path: "/x", bodyHash: hashBody("{}") };
    const begun = await beginKey(request);
    if (begun.kind !== "run") throw new Error("expected to run");
    const target = targetFor(desk.article.body, PHRASE);
    await expect(
      runMarkingKey(begun.lease, () => createClaim({ userId: desk.viewer.id, articleId: desk.article.id, target })),
    ).rejects.toBeInstanceOf(AppError);
    await releaseKey(begun.lease);
    expect((await beginKey(request)).kind).toBe("run");
  });
});
