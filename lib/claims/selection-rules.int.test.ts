// Claims whose selection starts or ends with whitespace (or inside a grapheme) are stored by
// the editor's selection rules, whichever door they come in by: createClaim (API and server
// action), the W3C import, and a span chosen for a claim that needs re-anchoring. Before, a
// quote such as "5 percent " failed with a 500 (reading its numbers threw) and "rose sharply "
// was stored untrimmed.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createArticle, createDesk, testDb } from "@/e2e/fixtures/factories";
import { describeRange } from "@/lib/anchoring/selectors";
import { importAnnotations } from "@/lib/annotations/import-annotations";
import { resolveAnchor } from "@/lib/claims/anchor";
import { createClaim } from "@/lib/claims/create-claim";
import { AppError } from "@/lib/http/errors";

const BODY = "Wages grew 5 percent in June. Prices rose sharply in May.\n\nThe caf\u00e9 and the cafe\u0301 both opened. Family 👩‍👩‍👧 day.";

type Desk = Awaited<ReturnType<typeof createDesk>>;
let desk: Desk;
let article: { id: string; body: string };

beforeAll(async () => {
  desk = await createDesk();
  article = await createArticle(desk.team.id, { body: BODY });
});
afterAll(async () => {
  await testDb().$disconnect();
});

const at = (words: string, from = 0) => {
  const start = BODY.indexOf(words, from);
  if (start < 0) throw new Error(`"${words}" is not in the body`);
  return describeRange(BODY, start, start + words.length);
};
const create = (target: ReturnType<typeof at>) => createClaim({ userId: desk.reviewer.id, articleId: article.id, target });

describe("a claim made from a selection", () => {
  it("is stored trimmed, with its numbers read, however far the reader dragged", async () => {
    for (const words of ["5 percent ", " 5 percent", "5 "]) {
      const claim = await create(at(words));
      expect(claim.exact, JSON.stringify(words)).toBe(words.trim());
      expect(claim.target.selector[1]).toEqual({
        type: "TextPositionSelector",
        start: BODY.indexOf(words.trim()),
        end: BODY.indexOf(words.trim()) + words.trim().length,
      });
      const row = await testDb().claim.findUniqueOrThrow({ where: { id: claim.id }, select: { numeric: true, prefix: true } });
      expect(row.numeric).toMatchObject({ value: 5 });
      expect(row.prefix).toBe(BODY.slice(Math.max(0, claim.start - 32), claim.start));
    }
    expect((await create(at("rose sharply "))).exact).toBe("rose sharply");
    expect((await create(at("May.\n\n"))).exact).toBe("May.");
  });

  it("ends on whole characters: a letter keeps its accent, an emoji sequence stays whole", async () => {
    const accent = BODY.indexOf("cafe\u0301");
    const cut = describeRange(BODY, accent, accent + 4); // "cafe" without its combining accent
    expect((await create(cut)).exact).toBe("cafe\u0301");
    const family = BODY.indexOf("👩‍👩‍👧");
    expect((await create(describeRange(BODY, family - 7, family + 2))).exact).toBe("Family 👩‍👩‍👧");
  });

  it("of only whitespace is refused with a 422 saying why, and nothing is stored", async () => {
    const before = await testDb().claim.count({ where: { articleId: article.id } });
    const error = await create(at("\n\n")).then(
      () => null,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(AppError);
    expect(error).toMatchObject({
      code: "unprocessable",
      message: "The selection contains only spaces, line breaks or invisible characters.",
    });
    expect(await testDb().claim.count({ where: { articleId: article.id } })).toBe(before);
  });
});

describe("the W3C import", () => {
  const annotation = (exact: string, start: number) => ({
    type: "Annotation",
    target: {
      selector: [
        { type: "TextQuoteSelector", exact },
        { type: "TextPositionSelector", start, end: start + exact.length },
      ],
    },
    body: [],
  });

  it("stores quotes with whitespace trimmed, and one such quote no longer fails the whole file", async () => {
    const other = await createArticle(desk.team.id, { body: BODY });
    const document = {
      type: "AnnotationPage",
      items: [
        annotation("5 percent ", BODY.indexOf("5 percent ")),
        annotation(" rose sharply ", BODY.indexOf(" rose sharply ")),
        annotation("June.", BODY.indexOf("June.")),
      ],
    };
    const result = await importAnnotations({ userId: desk.editor.id, articleId: other.id, document });
    expect(result.claims).toBe(3);
    const rows = await testDb().claim.findMany({
      where: { articleId: other.id },
      orderBy: { start: "asc" },
      select: { exact: true, numeric: true },
    });
    expect(rows.map((r) => r.exact)).toEqual(["5 percent", "June.", "rose sharply"]);
    expect(rows[0]!.numeric).toMatchObject({ value: 5, unit: "percent" });
  });
});

describe("a span chosen for a claim that needs re-anchoring", () => {
  it("is stored by the same rules", async () => {
    const claim = await create(at("Prices rose"));
    await testDb().claim.update({ where: { id: claim.id }, data: { anchorStatus: "orphaned" } });
    const words = at("rose sharply in May.\n").position;
    const placed = await resolveAnchor({
      claimId: claim.id,
      userId: desk.reviewer.id,
      version: claim.version,
      action: { kind: "span", ...words, exact: BODY.slice(words.start, words.end) },
    });
    expect(placed.exact).toBe("rose sharply in May.");
  });
});
