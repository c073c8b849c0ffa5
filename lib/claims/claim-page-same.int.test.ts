// Review 26: GET /api/v1/articles/{id}/claims (full view) became one SQL statement (listClaimPage, issue #21). Each
// claim must be the ClaimDTO the Prisma read gave before (people, verdict, counts, dates, anchor fields), pages
// chained by cursor must give the whole list, and a user outside the team gets 404. Issue #21 (reads29): the page now
// reads its dates as text and no summary columns unless filtered; its JSON must stay the same byte for byte (key order
// included), unfiltered and filtered. Who checked a verdict and how (verdict.checkedBy, verdict.via) come from the
// record's audit rows read inside that statement, and must be what loadClaimRecords reads for the same claims.
import { describe, expect, it } from "vitest";
import { NO_CLAIM_FILTER } from "@/lib/claims/claim-filter";
import { createDesk, createTeam, createUser, testDb } from "@/e2e/fixtures/factories";
import { listClaimPage } from "@/lib/claims/claim-pages";
import { createClaim } from "@/lib/claims/create-claim";
import { claimSelect, TEXT_ORDER, toClaimDTO, withCheckedBy } from "@/lib/claims/dto";
import { loadClaimRecords } from "@/lib/claims/load-records";
import { agreeInDoubleReview } from "@/lib/claims/record-fixture";
import { PHRASES } from "@/lib/publish/test-helpers";
import { targetFor } from "@/lib/claims/test-helpers";
import { setClaimVerdict } from "@/lib/claims/update-claim";

describe("listClaimPage, full view", () => {
  it("gives each claim as the Prisma read's ClaimDTO, in the same order, across cursor pages", async () => {
    const desk = await createDesk();
    const body = desk.article.body;
    const words = body.match(/[A-Za-z]{6,}/g)!.slice(0, 4);
    const ids: string[] = [];
    for (const [i, word] of words.entries()) {
      const by = i % 2 ? desk.editor : desk.reviewer;
      const claim = await createClaim({ userId: by.id, articleId: desk.article.id, target: targetFor(body, word) });
      ids.push(claim.id);
    }
    await setClaimVerdict({ userId: desk.editor.id, claimId: ids[0]!, verdict: "misleading", explanation: "Checked ‘twice’." });
    const agreed = await agreeInDoubleReview(desk, [desk.reviewer, desk.reviewer2], PHRASES.verified);
    await testDb().claim.update({
      where: { id: ids[1]! },
      data: {
        anchorStatus: "needs_review",
        anchorConfidence: 0.8734,
        anchorMethod: "fuzzy",
        anchorVersion: 2,
        updatedById: desk.editor.id,
      },
    });
    const rows = await testDb().claim.findMany({
      where: { articleId: desk.article.id },
      select: claimSelect,
      orderBy: [...TEXT_ORDER, { id: "asc" }],
    });
    const records = await loadClaimRecords(rows.map((row) => row.id));
    const expected = rows.map((row) => withCheckedBy(toClaimDTO(row), records.get(row.id)!.proposed));
    expect(expected.find((c) => c.id === agreed)?.verdict).toMatchObject({
      via: "agreed",
      checkedBy: [{ id: desk.reviewer.id }, { id: desk.reviewer2.id }],
    });
    const all = await listClaimPage({ articleId: desk.article.id, userId: desk.viewer.id, limit: null });
    expect(JSON.parse(JSON.stringify(all.claims))).toEqual(JSON.parse(JSON.stringify(expected)));
    expect(JSON.stringify(all.claims)).toBe(JSON.stringify(expected));
    const verdicted = await listClaimPage({
      articleId: desk.article.id,
      userId: desk.viewer.id,
      filter: { ...NO_CLAIM_FILTER, verdict: "misleading" },
    });
    expect(JSON.stringify(verdicted)).toBe(JSON.stringify({ claims: expected.filter((c) => c.id === ids[0]), nextCursor: null }));
    const chained = [];
    let cursor: string | null = null;
    do {
      const page: Awaited<ReturnType<typeof listClaimPage>> = await listClaimPage({
        articleId: desk.article.id,
        userId: desk.reviewer.id,
        cursor,
        limit: 1,
      });
      chained.push(...page.claims);
      cursor = page.nextCursor;
    } while (cursor);
    expect(chained.map((c) => c.id)).toEqual(expected.map((c) => c.id));
    const outsider = await createUser((await createTeam()).id, "admin");
    await expect(listClaimPage({ articleId: desk.article.id, userId: outsider.id })).rejects.toMatchObject({ status: 404 });
  });
});
