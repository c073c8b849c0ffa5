import { describe, expect, it } from "vitest";
import { packSuggestions, unpackSuggestions } from "@/lib/claims/suggestion-pack";
import type { SuggestionDTO } from "@/lib/claims/suggested";

const body = "Crime fell by 12 per cent. The minister said “wages rose 4%” on Monday.";
const at = (text: string) => ({ start: body.indexOf(text), end: body.indexOf(text) + text.length });
const checkedBefore = {
  claimId: "c1",
  exact: "Crime fell by 12 per cent.",
  verdict: "Misleading",
  verdictOrdinal: 3,
  similarity: 0.8,
  article: { id: "a1", title: "Earlier" },
};
const list: SuggestionDTO[] = [
  {
    id: "s1",
    ...at("Crime fell by 12 per cent."),
    text: "Crime fell by 12 per cent.",
    score: 0.8123,
    type: "statistic",
    reason: "Figure “12 per cent”",
    checkedBefore,
    checkedBeforePending: false,
  },
  // A text that is not the body's own at those offsets (normalised by the detector) travels with the row.
  {
    id: "s2",
    ...at("wages rose 4%"),
    text: "wages rose 4 %",
    score: 0.5,
    type: "statistic",
    reason: "Figure “4%”",
    checkedBefore: null,
    checkedBeforePending: true,
  },
];

describe("the article page's packed suggestions", () => {
  it("come back as the same suggestions (scores to thousandths), with the text taken from the body", () => {
    const packed = packSuggestions(list, body);
    expect(unpackSuggestions(JSON.parse(JSON.stringify(packed)) as typeof packed, body)).toEqual([{ ...list[0], score: 0.812 }, list[1]]);
  });

  it("are smaller than the DTOs: no field names, no copy of the body's own text", () => {
    const packed = JSON.stringify(packSuggestions(list, body));
    expect(packed).not.toContain('"text"');
    expect(packed.split("Crime fell by 12 per cent.").length - 1).toBe(1); // only inside checkedBefore.exact
    expect(packed.length).toBeLessThan(JSON.stringify(list).length * 0.8);
  });
});
