"use client";

import { useState } from "react";
import { PAGE, windowFor, type ClaimWindow } from "@/components/claims/claim-window";

/**
 * The rendered window of a list of claims (components/claims/claim-window.ts), kept with the cursor it was made for:
 * it follows the cursor when the cursor moves (to a claim outside it), not when the reader scrolls or pages away from
 * the cursor's row. Input: the claims in the order shown, the cursor's claim id (null: none), rows a page.
 * Output: the window `{ from, to }` (indices into `claims`), and `keep(next)` to show another window (a page more).
 */
export function useCursorWindow(
  claims: readonly { id: string }[],
  cursorId: string | null,
  page: number = PAGE,
): ClaimWindow & { keep: (next: ClaimWindow) => void } {
  const [kept, setKept] = useState<ClaimWindow & { cursorId: string | null }>({ from: 0, to: page, cursorId: null });
  const cursorIndex = claims.findIndex((c) => c.id === cursorId);
  const { from, to } = windowFor(kept, cursorId === kept.cursorId ? -1 : cursorIndex, claims.length, page);
  // Kept at once (React renders again before committing), so j's focus right after this render finds the row.
  if (from !== kept.from || to !== kept.to || cursorId !== kept.cursorId) setKept({ from, to, cursorId });
  return { from, to, keep: (next) => setKept({ ...next, cursorId }) };
}
