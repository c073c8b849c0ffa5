import { describe, expect, it } from "vitest";
import { VERDICTS } from "@/lib/claims/verdicts";
import { ratingFor } from "@/lib/publish/claim-review";

describe("ClaimReview rating", () => {
  it("puts True at bestRating and False at worstRating, and names every verdict", () => {
    for (const v of VERDICTS) {
      const rating = ratingFor({ key: v.key, label: v.label, ordinal: v.ordinal, explanation: "because" });
      expect(rating.alternateName).toBe(v.label);
      expect(rating.ratingExplanation).toBe("because");
      if (v.key === "unverifiable") {
        expect(rating).not.toHaveProperty("ratingValue");
        expect(rating).not.toHaveProperty("bestRating");
      } else {
        expect(rating).toMatchObject({ bestRating: 5, worstRating: 1, ratingValue: v.ordinal });
      }
    }
    expect(ratingFor({ key: "true", label: "True", ordinal: 5, explanation: "" }).ratingValue).toBe(5);
    expect(ratingFor({ key: "false", label: "False", ordinal: 1, explanation: "" }).ratingValue).toBe(1);
  });
});
