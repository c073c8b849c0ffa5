import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { highlightModel, highlightModeller, type HighlightClaim } from "@/components/claims/highlight-html";
import { BLOCKS, BODY, claimArb, STATUSES } from "@/components/claims/highlight-arbitraries";

// A step: add a claim, change one (a new object, as the page's lists make), drop one, or toggle a suggestion.
const stepArb = fc.oneof(
  claimArb.map((c) => ({ op: "add" as const, ...c })),
  fc.tuple(fc.nat(), fc.constantFrom(...STATUSES)).map(([at, status]) => ({ op: "change" as const, at, status })),
  fc.nat().map((at) => ({ op: "drop" as const, at })),
  fc.boolean().map((on) => ({ op: "suggest" as const, on })),
);

describe("highlightModeller", () => {
  it("makes, change after change, exactly the model highlightModel makes from scratch", () => {
    fc.assert(
      fc.property(fc.array(stepArb, { maxLength: 12 }), (steps) => {
        const model = highlightModeller();
        let claims: HighlightClaim[] = [];
        let suggestions: { id: string; start: number; end: number }[] = [];
        let made = 0;
        for (const step of steps) {
          if (step.op === "add") {
            const { start, end, status, verdict } = step;
            claims = [...claims, { id: `c${made++}`, start, end, status, verdict: verdict ? { key: verdict } : null }];
          } else if (step.op === "change" && claims.length) {
            const at = step.at % claims.length;
            claims = claims.map((c, i) => (i === at ? { ...c, status: step.status } : c));
          } else if (step.op === "drop" && claims.length) claims = claims.filter((_, i) => i !== step.at % claims.length);
          else if (step.op === "suggest") suggestions = step.on ? [{ id: "s1", start: 2, end: 20 }] : [];
          const incremental = model(BODY, claims, null, suggestions, BLOCKS);
          const whole = highlightModel(BODY, claims, null, suggestions, BLOCKS);
          expect(incremental.parts).toEqual(whole.parts);
          expect(incremental.starts).toEqual(whole.starts);
          expect(incremental.kinds).toEqual(whole.kinds);
        }
      }),
      { numRuns: 300 },
    );
  });

  it("keeps the parts of the paragraphs a change does not touch (the same arrays), and remakes the one it does", () => {
    const model = highlightModeller();
    const first = { id: "a", start: 0, end: 10, status: "unreviewed", verdict: null };
    const second = { id: "b", start: 95, end: 110, status: "unreviewed", verdict: null };
    const before = model(BODY, [first, second], null, [], BLOCKS);
    const after = model(BODY, [first, { ...second, status: "in_review" }], null, [], BLOCKS);
    expect(after.parts[0]).toBe(before.parts[0]);
    expect(after.parts[1]).not.toBe(before.parts[1]);
    expect(after.parts[1]!.map((p) => p.html).join("")).toContain('data-status="in_review"');
    expect(after.parts[2]).toBe(before.parts[2]);
    // Another text (or other blocks): nothing is kept.
    const other = model(`${BODY} More.`, [first], null, [], BLOCKS);
    expect(other.parts[0]).not.toBe(after.parts[0]);
  });
});
