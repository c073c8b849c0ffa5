// Who made a claim and where it first appeared: the claimant a ClaimReview names as the
// claim's author (never the journalist who reported it), suggested from the attribution the
// detector finds in the sentence ("Sir Keir Starmer said …").
import { findSpeaker } from "@/lib/suggestions/clauses";

export type ClaimantDTO = { name: string; kind: "person" | "organization"; description: string | null };
export type FirstAppearanceDTO = { url: string | null; date: string | null };

type Row = {
  claimantName: string | null;
  claimantKind: "person" | "organization" | null;
  claimantDescription: string | null;
  firstAppearanceUrl: string | null;
  firstAppearedAt: Date | null;
};

export const claimantSelect = {
  claimantName: true,
  claimantKind: true,
  claimantDescription: true,
  firstAppearanceUrl: true,
  firstAppearedAt: true,
} as const;

/** The claimant columns as the API shows them (nulls when not set). */
export function toClaimantDTO(row: Row): { claimant: ClaimantDTO | null; firstAppearance: FirstAppearanceDTO | null } {
  return {
    claimant:
      row.claimantName && row.claimantKind
        ? { name: row.claimantName, kind: row.claimantKind, description: row.claimantDescription }
        : null,
    firstAppearance:
      row.firstAppearanceUrl || row.firstAppearedAt
        ? { url: row.firstAppearanceUrl, date: row.firstAppearedAt?.toISOString().slice(0, 10) ?? null }
        : null,
  };
}

const SENTENCE_END = /[.!?][”"’']?(?=\s|$)/g;

/** The sentence(s) of `body` that hold [start, end): from the end of the sentence before to the end of the last one. */
function sentenceAround(body: string, start: number, end: number): string {
  const paragraphStart = body.lastIndexOf("\n\n", start) + 1;
  const nextBreak = body.indexOf("\n\n", end);
  const paragraphEnd = nextBreak < 0 ? body.length : nextBreak;
  let from = paragraphStart;
  let to = paragraphEnd;
  for (const match of body.slice(paragraphStart, paragraphEnd).matchAll(SENTENCE_END)) {
    const at = paragraphStart + match.index + match[0].length;
    if (at <= start) from = at;
    else if (at >= end) {
      to = at;
      break;
    }
  }
  return body.slice(from, to).trim();
}

/**
 * The person the text attributes the claim to ("X said that …", "…, X said"), or null.
 * Input: the article body and the claim's UTF-16 span; output: a name to offer, never stored
 * until a person accepts it. Pure; throws nothing.
 */
export function suggestClaimant(body: string, start: number, end: number): string | null {
  if (start < 0 || end > body.length || start >= end) return null;
  return findSpeaker(sentenceAround(body, start, end)) ?? null;
}
