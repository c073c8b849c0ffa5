// Review 25: the one-statement fast paths (addComment, createClaim) run through inOneStatement, which under an
// Idempotency-Key (runMarkingKey's commit hook) opens a transaction that marks the key used (completedAt) even when
// the statement wrote nothing. The slow path then refuses (403/404/409), releaseKey leaves a key marked used, and a
// retry with the same key is told "The first request ... succeeded, but its answer was lost" although nothing was
// created. Before the fast paths, a refused create released its key and the retry ran.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createDesk, testDb } from "@/e2e/fixtures/factories";
import { createClaim } from "@/lib/claims/create-claim";
import { addComment } from "@/lib/claims/comments";
import { targetFor } from "@/lib/claims/test-helpers";
import { idempotentResponse } from "@/lib/http/idempotency";
import { AppError } from "@/lib/http/errors";

const CLAIM = "The UK currently spends around 2.3 per cent of gross national product on defence";
let desk: Awaited<ReturnType<typeof createDesk>>;
let claimId: string;
beforeAll(async () => {
  desk = await createDesk();
  const { body } = await testDb().article.findUniqueOrThrow({ where: { id: desk.article.id } });
  claimId = (await createClaim({ userId: desk.reviewer.id, articleId: desk.article.id, target: targetFor(body, CLAIM) })).id;
});
afterAll(async () => {
  await testDb().$disconnect();
});

const codeOf = (p: Promise<unknown>) =>
  p.then(
    () => "ok",
    (e: unknown) => (e instanceof AppError ? `${e.status} ${e.message}` : String(e)),
  );

describe("review 25: Idempotency-Key and the one-statement fast paths", () => {
  it("a comment refused (viewer, 403) releases its key: the retry after promotion posts it", async () => {
    const request = {
      userId: desk.viewer.id,
      key: `review25-${Date.now()}`,
      method: "POST",
      path: `/api/v1/claims/${claimId}/comments`,
      bodyHash: "0".repeat(64),
    };
    const post = () =>
      idempotentResponse(request, async () => {
        const comment = await addComment({ userId: desk.viewer.id, claimId, body: "Plain words, no mention." });
        return Response.json({ comment }, { status: 201 });
      });
    expect(await codeOf(post())).toMatch(/^403 /);
    const row = await testDb().idempotencyKey.findUnique({ where: { userId_key: { userId: request.userId, key: request.key } } });
    expect(row, "the refused request's key should be released").toBeNull();

    await testDb().membership.updateMany({ where: { userId: desk.viewer.id, teamId: desk.team.id }, data: { role: "reviewer" } });
    expect(await codeOf(post())).toBe("ok");
    expect(await testDb().comment.count({ where: { claimId, authorId: desk.viewer.id } })).toBe(1);
  });
});
