import { describe, expect, it } from "vitest";
import { defaultRatingScale, describeRatingScale, type RatingEntry } from "@/lib/teams/rating-scale";

const entry = (label: string, ordinal: number, noRating = ordinal === 0): RatingEntry => ({
  key: label.toLowerCase().replace(/[^a-z0-9]+/g, "_"),
  label,
  ordinal,
  colour: "#667085",
  noRating,
});

describe("describeRatingScale", () => {
  it("describes the default scale", () => {
    expect(describeRatingScale(defaultRatingScale())).toBe(
      "Ratings run from “True” to “False”; “Unverifiable” marks a claim that could not be rated on this scale.",
    );
  });

  it("runs from the highest ordinal to the lowest whatever the team's order, and lists every no-rating label", () => {
    const scale = [entry("Inaccurate", 1), entry("Satire", 0), entry("Accurate", 5), entry("Missing context", 3), entry("No evidence", 0)];
    expect(describeRatingScale(scale)).toBe(
      "Ratings run from “Accurate” to “Inaccurate”; “Satire” and “No evidence” mark claims that could not be rated on this scale.",
    );
    expect(describeRatingScale([...scale, entry("Retracted", 2, true)])).toContain("“Satire”, “No evidence” and “Retracted” mark claims");
  });

  it("handles a scale of one rating, or of no-rating labels only", () => {
    expect(describeRatingScale([entry("Correct", 5)])).toBe("The one rating is “Correct”.");
    expect(describeRatingScale([entry("Correct", 5), entry("Wrong", 1)])).toBe("Ratings run from “Correct” to “Wrong”.");
    expect(describeRatingScale([entry("Checked", 0)])).toBe("“Checked” marks a claim that could not be rated on this scale.");
  });
});
