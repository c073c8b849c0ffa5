// Shared by the claims integration tests: build a valid target for a phrase of the article.
import { describeRange, type ClaimTarget } from "@/lib/anchoring/selectors";

/**
 * For tests: the claim target (quote with context, UTF-16 positions) of the `occurrence`-th (0-based) `phrase`
 * in `body`. Throws an Error when the phrase does not occur that often.
 */
export function targetFor(body: string, phrase: string, occurrence = 0): ClaimTarget {
  let start = -1;
  for (let i = 0; i <= occurrence; i++) start = body.indexOf(phrase, start + 1);
  if (start < 0) throw new Error(`"${phrase}" is not in the article`);
  return describeRange(body, start, start + phrase.length);
}

/**
 * For tests: the same target in the W3C shape the API and server actions accept
 * (`{ selector: [TextQuoteSelector, TextPositionSelector] }`).
 */
export function w3cTarget(target: ClaimTarget) {
  return {
    selector: [
      { type: "TextQuoteSelector" as const, ...target.quote },
      { type: "TextPositionSelector" as const, ...target.position },
    ],
  };
}
