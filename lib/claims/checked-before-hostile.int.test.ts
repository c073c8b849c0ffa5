// Review 26: "checked before" (SQL function factdesk_checked_before, issue #21) on texts a desk does not usually meet
// (empty, only figures, only punctuation, emoji, non-Latin scripts, very long) answers without throwing, and never
// offers a claim of another team, even one with the very same words.
import { describe, expect, it } from "vitest";
import { createArticle, createDesk, testDb } from "@/e2e/fixtures/factories";
import { findCheckedBefore, findCheckedBeforeEach } from "@/lib/claims/checked-before";

type Desk = Awaited<ReturnType<typeof createDesk>>;

/** Claims with a verdict stored with Prisma alone on a new article of the desk; returns their ids. */
async function storeVerdicts(desk: Desk, texts: string[]): Promise<string[]> {
  const article = await createArticle(desk.team.id, { title: "Stored directly", body: "x" });
  const ids = texts.map((_, i) => `cbh-${article.id}-${i}`);
  await testDb().claim.createMany({
    data: texts.map((exact, i) => ({
      id: ids[i]!,
      articleId: article.id,
      exact,
      prefix: "",
      suffix: "",
      start: 0,
      end: 1,
      createdById: desk.reviewer.id,
      updatedById: desk.reviewer.id,
      status: "verified" as const,
      verdictOrdinal: 3,
      verdictLabel: "Misleading",
      verdictKey: "misleading",
      verdictAt: new Date(),
    })),
  });
  return ids;
}

describe("checked before, hostile texts", () => {
  const odd = [
    "",
    " ",
    "12345 678.9 %",
    "!!! ... ,,, ;;;",
    "The council spent £4.5m 🎉🎉🎉 on the new bridge 🚧",
    "🎉🎉🎉🎉🎉🎉",
    "政府去年在国防上花费了百分之二点三的国民生产总值",
    "الحكومة أنفقت اثنين فاصلة ثلاثة بالمئة على الدفاع",
    "Правительство потратило 2,3 процента ВНП на оборону",
    "a\u200Bb\u200Dc \uFEFF d",
    "The UK spends 2.3% on defence ".repeat(2000),
  ];

  it("answers every text without throwing, in both forms", async () => {
    const desk = await createDesk();
    await storeVerdicts(
      desk,
      odd.filter((t) => t.trim() !== ""),
    );
    for (const text of odd) {
      const found = await findCheckedBefore({ teamId: desk.team.id, text });
      for (const f of found) expect(f.similarity).toBeGreaterThanOrEqual(0.45);
    }
    const each = await findCheckedBeforeEach({ teamId: desk.team.id, texts: odd });
    expect(each).toHaveLength(odd.length);
    // A text with words finds its own copy.
    expect(each[4]?.exact).toBe(odd[4]);
    expect(each[8]?.exact).toBe(odd[8]);
  });

  it("never offers another team's claim, however alike", async () => {
    const [ours, theirs] = [await createDesk(), await createDesk()];
    const text = "Unemployment in Harrowgate fell to 3.1 per cent last spring, the lowest on record";
    const [theirId] = await storeVerdicts(theirs, [text]);
    expect(await findCheckedBefore({ teamId: ours.team.id, text })).toEqual([]);
    expect(await findCheckedBeforeEach({ teamId: ours.team.id, texts: [text] })).toEqual([null]);
    expect((await findCheckedBefore({ teamId: theirs.team.id, text })).map((f) => f.claimId)).toEqual([theirId]);
  });
});
