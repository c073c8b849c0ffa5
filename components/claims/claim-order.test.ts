import { describe, expect, it } from "vitest";
import { claimBeside, claimListSections } from "@/components/claims/claim-order";

type Claim = { id: string; anchorStatus: "attached" | "needs_review" | "orphaned" };
const claim = (id: string, anchorStatus: Claim["anchorStatus"] = "attached"): Claim => ({ id, anchorStatus });
const ids = (claims: readonly Claim[]) => claims.map((c) => c.id);

describe("claimListSections", () => {
  // In text order, as the page holds them: detached claims keep their old offsets, so they sit among the others.
  const claims = [claim("t1"), claim("n1", "needs_review"), claim("t2"), claim("o1", "orphaned"), claim("n2", "needs_review"), claim("t3")];

  it("lists claims waiting for re-anchoring, then orphaned ones, then the text's, each in the order given", () => {
    const sections = claimListSections(claims);
    expect(ids(sections.needsReview)).toEqual(["n1", "n2"]);
    expect(ids(sections.orphaned)).toEqual(["o1"]);
    expect(ids(sections.inText)).toEqual(["t1", "t2", "t3"]);
    expect(ids(sections.inListOrder)).toEqual(["n1", "n2", "o1", "t1", "t2", "t3"]);
  });

  it("keeps the very array when nothing is detached, and copes with none at all", () => {
    const attached = [claim("a"), claim("b")];
    expect(claimListSections(attached).inText).toBe(attached);
    expect(claimListSections(attached).inListOrder).toBe(attached);
    expect(claimListSections([])).toEqual({ needsReview: [], orphaned: [], inText: [], inListOrder: [] });
    expect(ids(claimListSections([claim("o", "orphaned")]).inListOrder)).toEqual(["o"]);
  });
});

describe("claimBeside", () => {
  const order = claimListSections([claim("t1"), claim("n1", "needs_review"), claim("t2"), claim("o1", "orphaned")]).inListOrder;

  it("steps through the list's order, going round at both ends", () => {
    const walk = (step: 1 | -1, from: string | null, presses: number) => {
      const seen: string[] = [];
      let cursor = from;
      for (let i = 0; i < presses; i++) seen.push((cursor = claimBeside(order, cursor, step)!.id));
      return seen;
    };
    expect(walk(1, null, 5)).toEqual(["n1", "o1", "t1", "t2", "n1"]);
    expect(walk(-1, null, 5)).toEqual(["t2", "t1", "o1", "n1", "t2"]);
    expect(walk(-1, "n1", 1)).toEqual(["t2"]);
  });

  it("starts at the first (j) or last (k) row when the cursor is not in the list, and gives null for no rows", () => {
    expect(claimBeside(order, "filtered-out", 1)?.id).toBe("n1");
    expect(claimBeside(order, "filtered-out", -1)?.id).toBe("t2");
    expect(claimBeside([], null, 1)).toBeNull();
    expect(claimBeside([claim("only")], "only", 1)?.id).toBe("only");
  });
});
