import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { describeRange, splitsSurrogatePair, trimRange } from "../selectors";
import { normalizedBody } from "../testing";
import { foldQuote, foldText } from "./fold";
import { ATTACH_THRESHOLD, reanchorClaims, type ReanchorClaim, type ReanchorResult } from "./index";

/** Claims on a body: trimmed, non-blank, whole characters, as the editor would store them. */
function claimsOn(body: string) {
  return fc.array(fc.tuple(fc.nat({ max: body.length }), fc.nat({ max: body.length })), { minLength: 1, maxLength: 8 }).map((pairs) => {
    const claims: ReanchorClaim[] = [];
    for (const [a, b] of pairs) {
      const range = trimRange(body, Math.min(a, b), Math.max(a, b));
      if (range === null || splitsSurrogatePair(body, range.start) || splitsSurrogatePair(body, range.end)) continue;
      claims.push({ id: `c${claims.length}`, ...describeRange(body, range.start, range.end) });
    }
    return claims;
  });
}

const bodyWithClaims = normalizedBody.chain((body) => claimsOn(body).map((claims) => ({ body, claims })));

function expectWellFormed(result: ReanchorResult, newBody: string) {
  expect(result.confidence).toBeGreaterThanOrEqual(0);
  expect(result.confidence).toBeLessThanOrEqual(1);
  const ranges = result.start === undefined ? result.candidates : [result, ...result.candidates];
  for (const { start, end } of ranges) {
    expect(Number.isInteger(start) && Number.isInteger(end)).toBe(true);
    expect(0 <= start && start < end && end <= newBody.length).toBe(true);
    expect(splitsSurrogatePair(newBody, start) || splitsSurrogatePair(newBody, end)).toBe(false);
  }
  for (const c of result.candidates) expect(c.text).toBe(newBody.slice(c.start, c.end));
  const scores = result.candidates.map((c) => c.score);
  expect(scores).toEqual([...scores].sort((a, b) => b - a));
}

describe("reanchorClaims properties", () => {
  it("puts every claim back exactly, with confidence 1, when the text did not change", () => {
    fc.assert(
      fc.property(bodyWithClaims, ({ body, claims }) => {
        for (const result of reanchorClaims(body, body, claims)) {
          expect(result.outcome).toBe("exact-position");
          expect(result.confidence).toBe(1);
        }
        expect(reanchorClaims(body, body, claims).map((r) => [r.start, r.end])).toEqual(
          claims.map((c) => [c.position.start, c.position.end]),
        );
      }),
      { numRuns: 300 },
    );
  });

  it("returns only ranges inside the new text, never splitting a character, whatever the edit", () => {
    const edit = fc.oneof(
      normalizedBody,
      fc.string({ unit: fc.constantFrom("a", "é", "😀", " ", "\n\n", "“", "—", "\u00a0"), maxLength: 12 }),
    );
    fc.assert(
      fc.property(bodyWithClaims, edit, fc.nat(), fc.nat(), fc.boolean(), ({ body, claims }, text, a, b, wholesale) => {
        const from = Math.min(a, b) % (body.length + 1);
        const to = Math.max(from, Math.max(a, b) % (body.length + 1));
        const newBody = wholesale ? text : body.slice(0, from) + text + body.slice(to);
        for (const result of reanchorClaims(body, newBody, claims)) expectWellFormed(result, newBody);
      }),
      { numRuns: 500 },
    );
  });

  it("follows every claim below a newly inserted first paragraph", () => {
    fc.assert(
      fc.property(bodyWithClaims, fc.constantFrom("Z", "ZZ Z", "Zé 😀Z"), ({ body, claims }, top) => {
        const newBody = `${top}\n\n${body}`;
        const shift = top.length + 2;
        for (const [i, result] of reanchorClaims(body, newBody, claims).entries()) {
          expect(result.outcome).toBe("exact-quote");
          expect([result.start, result.end]).toEqual([claims[i]!.position.start + shift, claims[i]!.position.end + shift]);
        }
      }),
      { numRuns: 300 },
    );
  });

  it("never attaches a claim whose paragraph was deleted", () => {
    const input = bodyWithClaims.chain(({ body, claims }) =>
      fc.nat({ max: body.split("\n\n").length - 1 }).map((index) => ({ body, claims, index })),
    );
    fc.assert(
      fc.property(input, ({ body, claims, index }) => {
        const paragraphs = body.split("\n\n");
        const gone = paragraphs[index]!;
        // If the same paragraph is still there, the claim may rightly be on it.
        fc.pre(paragraphs.filter((p) => p === gone).length === 1);
        const start = paragraphs.slice(0, index).reduce((sum, p) => sum + p.length + 2, 0);
        const newBody = paragraphs.filter((_, i) => i !== index).join("\n\n");
        const results = reanchorClaims(body, newBody, claims);
        for (const [i, claim] of claims.entries()) {
          const inside = claim.position.start >= start && claim.position.end <= start + gone.length;
          if (inside) expect(results[i]!.outcome).toBe("needs-review");
        }
      }),
      { numRuns: 300 },
    );
  });

  it("keeps every claim when only quote marks, dashes and spacing change", () => {
    const word = fc.string({ unit: fc.constantFrom("a", "b", "é", "😀", "’", "“", "”", "–"), minLength: 1, maxLength: 5 });
    const body = fc.array(word, { minLength: 1, maxLength: 12 }).map((words) => words.join(" "));
    const restyle = fc.func(fc.constantFrom(0, 1, 2));
    fc.assert(
      fc.property(
        body.chain((b) => claimsOn(b).map((claims) => ({ b, claims }))),
        restyle,
        ({ b, claims }, pick) => {
          let i = 0;
          const newBody = b.replace(/[’“”– ]/g, (ch) => {
            const choice = pick(i++);
            if (ch === "’") return ["'", "’", "‘"][choice]!;
            if (ch === "“" || ch === "”") return ['"', "„", "«"][choice]!;
            if (ch === "–") return ["-", "—", "–"][choice]!;
            return [" ", "\u00a0", "  "][choice]!;
          });
          for (const [k, result] of reanchorClaims(b, newBody, claims).entries()) {
            expect(["exact-position", "exact-quote"]).toContain(result.outcome);
            expect(result.confidence).toBeGreaterThanOrEqual(ATTACH_THRESHOLD);
            const found = foldText(newBody.slice(result.start, result.end)).text;
            expect(found).toBe(foldQuote({ prefix: "", exact: claims[k]!.quote.exact, suffix: "" }).exact);
          }
        },
      ),
      { numRuns: 300 },
    );
  });
});
