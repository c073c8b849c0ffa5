// A verified claim on a published report is shown marked in the text. POST /api/v1/claims/{id}/anchor with
// { kind: "orphan" } detached it from its words with a reviewer's rights and no note: the report then said
// "Not marked in the text (the article changed since)" although the text had not changed, and its corrections log
// said nothing. Corrections are never silent (README, Publishing): on a published report orphaning an attached
// verified claim now needs an editor's confirmCorrection, as moving it to other words does (before a report is out
// it stays a reviewer's step, lib/articles/verdict-anchoring.int.test.ts).
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { outcomeOf } from "@/e2e/fixtures/errors";
import { testDb } from "@/e2e/fixtures/factories";
import { resolveAnchor } from "@/lib/claims/anchor";
import { getPublicReport } from "@/lib/publish/report";
import { publishedFactCheck, type Desk } from "@/lib/publish/test-helpers";

const BASE = "https://factdesk.example.org";

let desk: Desk;
let claimId: string;

beforeAll(async () => {
  ({ desk, claimId } = await publishedFactCheck());
});
afterAll(async () => {
  await testDb().$disconnect();
});

const versionOf = async () => (await testDb().claim.findUniqueOrThrow({ where: { id: claimId }, select: { version: true } })).version;
const card = async () => (await getPublicReport({ articleId: desk.article.id, baseUrl: BASE }))?.claims.find((c) => c.id === claimId);

describe("orphaning a verified claim of a published report, attached to its words", () => {
  it("asks for an editor's public note (409 without one, 403 from a reviewer); the report keeps it marked until then", async () => {
    expect((await card())?.highlighted).toBe(true);
    const withVersion = async (userId: string, confirmCorrection?: { note: string }) =>
      resolveAnchor({ claimId, userId, version: await versionOf(), action: { kind: "orphan" }, confirmCorrection });
    expect(await outcomeOf(withVersion(desk.reviewer.id))).toBe("conflict");
    expect(await outcomeOf(withVersion(desk.reviewer.id, { note: "Detached." }))).toBe("forbidden");
    expect(await outcomeOf(withVersion(desk.editor.id))).toBe("conflict");
    expect((await card())?.highlighted).toBe(true);
    expect(await testDb().auditEvent.count({ where: { claimId, action: "claim.orphaned" } })).toBe(0);

    const orphaned = await withVersion(desk.editor.id, { note: "The quote was attached to the wrong sentence." });
    expect(orphaned.anchor.status).toBe("orphaned");
    const shown = await card();
    expect(shown?.highlighted).toBe(false);
    expect(shown?.corrections.map((c) => c.note)).toEqual(["The quote was attached to the wrong sentence."]);
  });
});
