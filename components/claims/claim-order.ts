// The order the claim list shows the article's claims in, top to bottom, which is the order j/k walk them: claims the
// text no longer holds first, in their own groups ("Needs re-anchoring", then "Orphaned"), then the claims in the text.
// One rule for the list (ClaimList) and the keyboard (ArticleWorkspace's move): a detached claim keeps its old
// offsets, so text order alone put it among the text's claims for j/k while the list showed it at the top.

import type { ClaimSummary } from "@/lib/claims/list-claims";

type Anchored = Pick<ClaimSummary, "anchorStatus">;

/** The claim list's sections, each in the order given, and all of them in the list's order (`inListOrder`). */
export type ClaimListSections<T> = {
  /** Claims waiting for someone to place them in the current text (anchorStatus "needs_review"). */
  needsReview: readonly T[];
  /** Claims marked as no longer in the text (anchorStatus "orphaned"). */
  orphaned: readonly T[];
  /** Claims attached to the current text. */
  inText: readonly T[];
  /** needsReview, then orphaned, then inText: the list top to bottom. */
  inListOrder: readonly T[];
};

/**
 * Splits `claims` (in text order, as the page holds them) into the claim list's sections and gives the list's whole
 * order. With no detached claim, `inText` and `inListOrder` are `claims` itself (the same array, so memoised rows and
 * windows keyed on it stay put). Pure; throws nothing.
 */
export function claimListSections<T extends Anchored>(claims: readonly T[]): ClaimListSections<T> {
  const needsReview = claims.filter((c) => c.anchorStatus === "needs_review");
  const orphaned = claims.filter((c) => c.anchorStatus === "orphaned");
  if (needsReview.length + orphaned.length === 0) {
    return { needsReview, orphaned, inText: claims, inListOrder: claims };
  }
  const inText = claims.filter((c) => c.anchorStatus === "attached");
  return { needsReview, orphaned, inText, inListOrder: [...needsReview, ...orphaned, ...inText] };
}

/**
 * The claim `step` rows below (1) or above (−1) the cursor's in `inListOrder`, going round at both ends. With no
 * cursor, or one not in the list (filtered out), 1 gives the first claim and −1 the last. Null for an empty list.
 */
export function claimBeside<T extends { id: string }>(inListOrder: readonly T[], cursorId: string | null, step: 1 | -1): T | null {
  const count = inListOrder.length;
  if (count === 0) return null;
  const index = inListOrder.findIndex((c) => c.id === cursorId);
  const from = index === -1 && step === -1 ? 0 : index;
  return inListOrder[(from + step + count) % count]!;
}
