// Shows how the edit table scores, to choose ATTACH_THRESHOLD (lib/anchoring/reanchor/score.ts):
//   npx tsx bench/reanchor-tune.ts
// Runs every case with the threshold at 0 so each reports its best candidate's confidence,
// then prints the lowest confidence among cases that must attach and the highest among cases
// that must not (leaving out ties, which AMBIGUITY_MARGIN refuses): the threshold belongs in
// the gap between the two.
import { describeRange } from "../lib/anchoring/selectors";
import { AMBIGUITY_MARGIN, ATTACH_THRESHOLD, reanchorClaim } from "../lib/anchoring/reanchor";
import { buildEditCases, offsetOf } from "../lib/anchoring/reanchor/edit-cases";
import { readSampleArticle } from "../prisma/sample-article";

const cases = buildEditCases(readSampleArticle().body);
let lowestAttach = 1;
let highestReview = 0;
for (const c of cases) {
  const start = offsetOf(c.old, c.claim, c.occurrence);
  const claim = { id: c.name, ...describeRange(c.old, start, start + c.claim.length) };
  const scored = reanchorClaim(c.old, c.new, claim, { threshold: 0 });
  const actual = reanchorClaim(c.old, c.new, claim);
  const best = scored.candidates[0];
  const second = scored.candidates[1];
  const mustAttach = c.expected.outcome !== "needs-review";
  // A case refused because two places tie is the margin's business, not the threshold's.
  const tie = best !== undefined && second !== undefined && best.score - second.score < AMBIGUITY_MARGIN;
  if (mustAttach) lowestAttach = Math.min(lowestAttach, scored.confidence);
  else if (!tie) highestReview = Math.max(highestReview, best?.score ?? 0);
  const ok = actual.outcome === c.expected.outcome ? "ok  " : "FAIL";
  console.log(
    `${ok} ${c.expected.outcome.padEnd(14)} got ${actual.outcome.padEnd(14)} best ${(best?.score ?? 0).toFixed(3)}` +
      ` runner-up ${(second?.score ?? 0).toFixed(3)}  ${c.name}`,
  );
}
console.log(`\nlowest confidence that must attach:     ${lowestAttach.toFixed(3)}`);
console.log(`highest confidence that must not attach: ${highestReview.toFixed(3)}`);
console.log(`ATTACH_THRESHOLD = ${ATTACH_THRESHOLD}`);
