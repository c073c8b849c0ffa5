import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createDesk, testDb } from "@/e2e/fixtures/factories";
import { addComment, deleteComment, editComment, restoreComment } from "@/lib/claims/comments";
import { createClaim } from "@/lib/claims/create-claim";
import { addEvidence } from "@/lib/claims/evidence";
import { targetFor } from "@/lib/claims/test-helpers";
import { setClaimStatus, setClaimVerdict } from "@/lib/claims/update-claim";
import { AppError } from "@/lib/http/errors";

let desk: Awaited<ReturnType<typeof createDesk>>;
beforeAll(async () => {
  desk = await createDesk();
});
afterAll(async () => {
  await testDb().$disconnect();
});

const auditRows = (where: { claimId?: string; entityId?: string }) => testDb().auditEvent.findMany({ where, orderBy: { id: "asc" } });

describe("no lost updates", () => {
  it("lets exactly one of 50 concurrent writers with the same version win, with one audit row", async () => {
    const claim = await createClaim({
      userId: desk.reviewer.id,
      articleId: desk.article.id,
      target: targetFor(desk.article.body, "Mark Rutte"),
    });
    const writers = Array.from({ length: 50 }, (_, i) =>
      setClaimStatus({
        userId: i % 2 ? desk.reviewer.id : desk.reviewer2.id,
        claimId: claim.id,
        status: "in_review",
        version: claim.version,
      }),
    );
    const results = await Promise.allSettled(writers);
    const won = results.filter((r) => r.status === "fulfilled");
    const lost = results.filter((r): r is PromiseRejectedResult => r.status === "rejected");
    expect(won).toHaveLength(1);
    expect(lost).toHaveLength(49);
    for (const failure of lost) {
      expect(failure.reason).toBeInstanceOf(AppError);
      expect((failure.reason as AppError).code).toBe("conflict");
    }
    const final = await testDb().claim.findUniqueOrThrow({ where: { id: claim.id } });
    expect(final.version).toBe(claim.version + 1);
    const statusRows = (await auditRows({ claimId: claim.id })).filter((r) => r.action === "claim.status");
    expect(statusRows).toHaveLength(1);
    expect(statusRows[0]).toMatchObject({ before: { status: "unreviewed", version: 1 }, after: { status: "in_review", version: 2 } });
  });
});

describe("audit trail", () => {
  it("writes exactly one row, with before and after, for every change", async () => {
    const count = () => testDb().auditEvent.count({ where: { articleId: desk.article.id } });
    const expectOneRow = async <T>(change: () => Promise<T>, action: string): Promise<T> => {
      const before = await count();
      const result = await change();
      expect(await count(), action).toBe(before + 1);
      const [row] = await testDb().auditEvent.findMany({ where: { articleId: desk.article.id }, orderBy: { id: "desc" }, take: 1 });
      expect(row).toMatchObject({ action, actorId: expect.any(String), teamId: desk.team.id });
      return result;
    };
    const claim = await expectOneRow(
      () => createClaim({ userId: desk.reviewer.id, articleId: desk.article.id, target: targetFor(desk.article.body, "Graeme Downie") }),
      "claim.created",
    );
    await expectOneRow(() => setClaimStatus({ userId: desk.reviewer.id, claimId: claim.id, status: "in_review" }), "claim.status");
    await expectOneRow(
      () => setClaimVerdict({ userId: desk.reviewer.id, claimId: claim.id, verdict: "true", explanation: "He is the MP for Dunfermline." }),
      "claim.verdict",
    );
    await expectOneRow(() => setClaimStatus({ userId: desk.editor.id, claimId: claim.id, status: "verified" }), "claim.verified");
    await expectOneRow(() => setClaimStatus({ userId: desk.editor.id, claimId: claim.id, status: "in_review" }), "claim.reopened");
    const comment = await expectOneRow(
      () => addComment({ userId: desk.reviewer.id, claimId: claim.id, body: "Checked the register." }),
      "comment.added",
    );
    await expectOneRow(
      () => addComment({ userId: desk.editor.id, claimId: claim.id, body: "Thanks.", parentId: comment.id }),
      "comment.replied",
    );
    await expectOneRow(
      () => editComment({ userId: desk.reviewer.id, commentId: comment.id, body: "Checked the members' register." }),
      "comment.edited",
    );
    await expectOneRow(() => deleteComment({ userId: desk.reviewer.id, commentId: comment.id }), "comment.deleted");
    await expectOneRow(() => restoreComment({ userId: desk.reviewer.id, commentId: comment.id }), "comment.restored");
    await expectOneRow(
      () =>
        addEvidence({
          userId: desk.reviewer.id,
          claimId: claim.id,
          url: "https://members.parliament.uk",
          title: "Members",
          excerpt: "",
          stance: "supports",
          sourceType: "primary",
          retrievedAt: new Date(),
        }),
      "evidence.added",
    );
    const edited = (await auditRows({ entityId: comment.id })).find((r) => r.action === "comment.edited");
    expect(edited).toMatchObject({ before: { body: "Checked the register." }, after: { body: "Checked the members' register." } });

    // A refused change leaves no row.
    const before = await testDb().auditEvent.count();
    await expect(setClaimStatus({ userId: desk.viewer.id, claimId: claim.id, status: "not_check_worthy" })).rejects.toThrow();
    expect(await testDb().auditEvent.count()).toBe(before);
  });

  it("is append-only: the database refuses UPDATE, DELETE and TRUNCATE", async () => {
    const [row] = await testDb().auditEvent.findMany({ take: 1 });
    expect(row).toBeDefined();
    await expect(testDb().$executeRawUnsafe(`UPDATE "AuditEvent" SET "action" = 'forged' WHERE "id" = ${row!.id}`)).rejects.toThrow(
      /append-only/,
    );
    await expect(testDb().$executeRawUnsafe(`DELETE FROM "AuditEvent" WHERE "id" = ${row!.id}`)).rejects.toThrow(/append-only/);
    await expect(testDb().$executeRawUnsafe(`TRUNCATE "AuditEvent"`)).rejects.toThrow(/append-only/);
    await expect(testDb().auditEvent.update({ where: { id: row!.id }, data: { action: "forged" } })).rejects.toThrow();
    expect((await testDb().auditEvent.findUniqueOrThrow({ where: { id: row!.id } })).action).toBe(row!.action);
  });
});
