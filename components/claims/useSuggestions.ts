"use client";

import { useState } from "react";
import type { ClaimView } from "@/lib/claims/claim-view";
import type { SuggestionDTO } from "@/lib/claims/suggested";
import type { ActionResult } from "@/lib/http/result";
import { acceptSuggestionAction, dismissSuggestionAction } from "@/lib/actions/claims";

type Run = <T>(action: () => Promise<ActionResult<T>>) => Promise<T | null>;

/** The article's open suggestions, the one being looked at, and accepting or dismissing it. */
export function useSuggestions({
  initial,
  canEdit,
  run,
  onAccepted,
  onStale,
  onDismissed,
}: {
  /** The first list, or a function that makes it (run once). */
  initial: SuggestionDTO[] | (() => SuggestionDTO[]);
  canEdit: boolean;
  run: Run;
  onAccepted: (claim: ClaimView) => void;
  onStale: () => void;
  /** A suggestion this page dismissed (its live event needs no reload). */
  onDismissed?: (id: string) => void;
}) {
  const [list, setList] = useState(initial);
  const [shown, setShown] = useState(true);
  const [open, setOpen] = useState<SuggestionDTO | null>(null);
  const drop = (id: string) => setList((current) => current.filter((s) => s.id !== id));

  async function accept() {
    if (!open || !canEdit) return;
    const suggestion = open;
    const created = await run(() => acceptSuggestionAction({ id: suggestion.id }));
    setOpen(null);
    drop(suggestion.id);
    if (created) onAccepted(created);
    else onStale(); // someone else accepted it first: reload to show their claim
  }

  async function dismiss() {
    if (!open || !canEdit) return;
    const suggestion = open;
    if (await run(() => dismissSuggestionAction({ id: suggestion.id }))) {
      onDismissed?.(suggestion.id);
      setOpen(null);
      drop(suggestion.id);
    }
  }

  return {
    list,
    setList,
    shown,
    setShown,
    open,
    openById: (id: string) => setOpen(list.find((s) => s.id === id) ?? null),
    close: () => setOpen(null),
    accept,
    dismiss,
  };
}
