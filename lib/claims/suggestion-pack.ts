// The article page's compact form of its suggestions: positional rows instead of named fields, and no copy of the
// sentence when it is the body's own text at the suggestion's offsets (the client has the body). 904 suggestions
// on a long article were 222 KB of the page as SuggestionDTOs. Pure: no Prisma, no React.
import type { SuggestionDTO } from "@/lib/claims/suggested";
import type { CheckedBeforeDTO } from "@/lib/claims/checked-before";

/**
 * One suggestion: id, start, end, score in thousandths, type, reason, checked before (or 0), checked before pending
 * (1) or known (0), and its text only when it is not body.slice(start, end).
 */
type PackedRow =
  | [string, number, number, number, string, string, CheckedBeforeDTO | 0, 0 | 1]
  | [string, number, number, number, string, string, CheckedBeforeDTO | 0, 0 | 1, string];

/** Suggestions in the order the list has them, as packSuggestions writes them. */
export type PackedSuggestions = PackedRow[];

/**
 * `list` (SuggestionDTOs of `body`, offsets in UTF-16 code units) in the compact form; unpackSuggestions with the same
 * body gives the list back (scores rounded to thousandths).
 */
export function packSuggestions(list: readonly SuggestionDTO[], body: string): PackedSuggestions {
  return list.map((s): PackedRow => {
    const row: PackedRow = [
      s.id,
      s.start,
      s.end,
      Math.round(s.score * 1000),
      s.type,
      s.reason,
      s.checkedBefore ?? 0,
      s.checkedBeforePending ? 1 : 0,
    ];
    return body.slice(s.start, s.end) === s.text ? row : [...row, s.text];
  });
}

/** The SuggestionDTOs a packSuggestions result stands for, given the same `body`. Pure; throws nothing. */
export function unpackSuggestions(packed: PackedSuggestions, body: string): SuggestionDTO[] {
  return packed.map(([id, start, end, score, type, reason, checkedBefore, pending, text]) => ({
    id,
    start,
    end,
    text: text ?? body.slice(start, end),
    score: score / 1000,
    type,
    reason,
    checkedBefore: checkedBefore || null,
    checkedBeforePending: pending === 1,
  }));
}
