import { describe, expect, it } from "vitest";
import { ZAddComment, ZAddEvidence, ZCreateClaim, ZSetStatus, ZSetVerdict } from "@/lib/validation/claims";

const evidence = {
  claimId: "c1",
  url: "https://example.org/report",
  title: "Report",
  stance: "supports",
  sourceType: "primary",
  retrievedAt: "2025-02-18",
};

describe("input validation", () => {
  it("accepts only http and https evidence links", () => {
    expect(ZAddEvidence.safeParse(evidence).success).toBe(true);
    for (const url of [
      "javascript:alert(1)",
      "JaVaScRiPt:alert(1)",
      "data:text/html,<script>alert(1)</script>",
      "ftp://example.org/x",
      "example.org",
      " ",
    ]) {
      const result = ZAddEvidence.safeParse({ ...evidence, url });
      expect(result.success, url).toBe(false);
    }
    const js = ZAddEvidence.safeParse({ ...evidence, url: "javascript:alert(1)" });
    expect(js.error?.issues[0]?.message).toMatch(/http/);
  });

  it("refuses empty and over-long comments with a readable message", () => {
    expect(ZAddComment.safeParse({ claimId: "c1", body: "Source checked: https://example.org" }).success).toBe(true);
    expect(ZAddComment.safeParse({ claimId: "c1", body: "   " }).error?.issues[0]?.message).toBe("Write something before posting.");
    expect(ZAddComment.safeParse({ claimId: "c1", body: "x".repeat(5001) }).error?.issues[0]?.message).toMatch(/5,000/);
  });

  // Plain text is plain text: stored as written, escaped wherever it is shown (e2e checks the page).
  it("keeps comments that look like HTML exactly as written", () => {
    for (const body of [
      "Text with a < b and c > d comparison",
      "a <b> c",
      "<b>bold</b>",
      "<script>alert(1)</script>",
      "hi <img src=x onerror=alert(1)>",
      "<!-- hidden -->",
    ]) {
      expect(ZAddComment.parse({ claimId: "c1", body }).body, body).toBe(body);
    }
  });

  // Whether the key is on the claim's team scale is the server's check (lib/teams/rating-scale.int.test.ts): teams
  // add ratings of their own, so "pants-on-fire" is a well-formed key here.
  it("requires a written explanation with a well-formed rating key", () => {
    expect(ZSetVerdict.safeParse({ claimId: "c1", verdict: "misleading", explanation: "GDP, not GNP." }).success).toBe(true);
    expect(ZSetVerdict.safeParse({ claimId: "c1", verdict: "misleading", explanation: "  " }).success).toBe(false);
    expect(ZSetVerdict.safeParse({ claimId: "c1", verdict: "pants-on-fire", explanation: "A team's own rating." }).success).toBe(true);
    for (const verdict of ["Pants on fire", "", "x".repeat(41), "<b>", "true\u0000"]) {
      expect(ZSetVerdict.safeParse({ claimId: "c1", verdict, explanation: "Not a key at all." }).success, verdict).toBe(false);
    }
  });

  it("reads a W3C target with its selectors in either order", () => {
    const parsed = ZCreateClaim.parse({
      articleId: "a1",
      target: {
        selector: [
          { type: "TextPositionSelector", start: 3, end: 8 },
          { type: "TextQuoteSelector", exact: "hello", prefix: "ab ", suffix: "" },
        ],
      },
    });
    expect(parsed.target).toEqual({ quote: { exact: "hello", prefix: "ab ", suffix: "" }, position: { start: 3, end: 8 } });
    expect(
      ZCreateClaim.safeParse({
        articleId: "a1",
        target: {
          selector: [
            { type: "TextPositionSelector", start: 3, end: 8 },
            { type: "TextPositionSelector", start: 3, end: 8 },
          ],
        },
      }).success,
    ).toBe(false);
  });

  it("reads targets as W3C clients send them: context of any length or none, no position, other selectors beside", () => {
    const parse = (selector: unknown) => ZCreateClaim.safeParse({ articleId: "a1", target: { selector } });
    expect(parse([{ type: "TextQuoteSelector", exact: "hello" }]).data?.target).toEqual({
      quote: { exact: "hello", prefix: "", suffix: "" },
      position: null,
    });
    // One selector need not be in a list (the W3C model allows either).
    expect(parse({ type: "TextQuoteSelector", exact: "hello", prefix: "x".repeat(200) }).data?.target.quote.prefix).toHaveLength(200);
    // Hypothesis sends a RangeSelector (DOM XPaths) first: ignored, as the import ignores selectors it does not use.
    const hypothesis = parse([
      { type: "RangeSelector", startContainer: "/main[1]/p[2]", startOffset: 4, endContainer: "/main[1]/p[2]", endOffset: 9 },
      { type: "TextPositionSelector", start: 3, end: 8 },
      { type: "TextQuoteSelector", exact: "hello", prefix: "ab ", suffix: " world and more" },
    ]);
    expect(hypothesis.data?.target).toEqual({
      quote: { exact: "hello", prefix: "ab ", suffix: " world and more" },
      position: { start: 3, end: 8 },
    });
  });

  it("refuses targets without one quote, with two, or with a broken selector, at the selector's path", () => {
    const issues = (selector: unknown) =>
      ZCreateClaim.safeParse({ articleId: "a1", target: { selector } }).error?.issues.map((i) => [i.path.join("."), i.message]);
    const needs = "A claim's target needs one TextQuoteSelector, and at most one TextPositionSelector.";
    expect(issues([])).toEqual([["target.selector", needs]]);
    expect(issues([{ type: "TextPositionSelector", start: 0, end: 3 }])).toEqual([["target.selector", needs]]);
    expect(
      issues([
        { type: "TextQuoteSelector", exact: "a" },
        { type: "TextQuoteSelector", exact: "b" },
      ]),
    ).toEqual([["target.selector", needs]]);
    expect(issues([{ type: "RangeSelector" }, { type: "TextQuoteSelector", exact: "" }])).toEqual([
      ["target.selector.1.exact", "Select some text first."],
    ]);
    expect(issues([{ type: "TextQuoteSelector", exact: "a", suffix: "x".repeat(1001) }])).toEqual([
      ["target.selector.0.suffix", "A prefix or suffix can be at most 1,000 characters."],
    ]);
    expect(issues(Array.from({ length: 11 }, () => ({ type: "RangeSelector" })))?.[0]?.[1]).toMatch(/at most 10 selectors/);
  });

  // Past PostgreSQL's integer range Prisma would refuse the value at query time: a 500, not a field error.
  it("refuses versions and offsets no integer column can hold", () => {
    expect(ZSetStatus.safeParse({ claimId: "c1", status: "in_review", version: 3_000_000_000 }).success).toBe(false);
    const target = {
      selector: [
        { type: "TextQuoteSelector", exact: "x" },
        { type: "TextPositionSelector", start: 3_000_000_000, end: 3_000_000_001 },
      ],
    };
    expect(ZCreateClaim.safeParse({ articleId: "a1", target }).success).toBe(false);
    expect(ZSetStatus.safeParse({ claimId: "c1", status: "in_review", version: 2_147_483_647 }).success).toBe(true);
  });
});
