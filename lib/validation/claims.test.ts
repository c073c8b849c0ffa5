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
