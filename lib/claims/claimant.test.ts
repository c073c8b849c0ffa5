import { describe, expect, it } from "vitest";
import { suggestClaimant } from "@/lib/claims/claimant";

const span = (body: string, phrase: string): [number, number] => [body.indexOf(phrase), body.indexOf(phrase) + phrase.length];

describe("suggesting who made a claim", () => {
  it("reads the speaker the sentence names, before or after the claim", () => {
    const body = "Intro.\n\nSir Keir Starmer said the UK spends 2.3 per cent of GDP on defence. Other news.";
    expect(suggestClaimant(body, ...span(body, "the UK spends 2.3 per cent of GDP on defence"))).toBe("Keir Starmer");
    const after = "Bus fares rose by 40 per cent last year, Councillor Priya Raman said on Monday.";
    expect(suggestClaimant(after, ...span(after, "Bus fares rose by 40 per cent last year"))).toBe("Priya Raman");
  });

  it("offers nothing for unattributed sentences or pronouns", () => {
    const body = "Inflation fell to 3 per cent. He said it would fall further.";
    expect(suggestClaimant(body, ...span(body, "Inflation fell to 3 per cent"))).toBeNull();
    expect(suggestClaimant(body, ...span(body, "it would fall further"))).toBeNull();
  });
});
