// Shared by the claims integration tests: build a valid target for a phrase of the article.
import { describeRange } from "@/lib/anchoring/selectors";
import type { TCreateClaim } from "@/lib/validation/claims";

export function targetFor(body: string, phrase: string, occurrence = 0): TCreateClaim["target"] {
  let start = -1;
  for (let i = 0; i <= occurrence; i++) start = body.indexOf(phrase, start + 1);
  if (start < 0) throw new Error(`"${phrase}" is not in the article`);
  return describeRange(body, start, start + phrase.length);
}

/** The same target in the W3C shape the API and server actions accept. */
export function w3cTarget(target: TCreateClaim["target"]) {
  return {
    selector: [
      { type: "TextQuoteSelector" as const, ...target.quote },
      { type: "TextPositionSelector" as const, ...target.position },
    ],
  };
}
