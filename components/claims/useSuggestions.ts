"use client";

import { useState } from "react";
import type { ClaimDTO } from "@/lib/claims/dto";
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
}: {
  /** The first list, or a function that makes it (run once). */
  initial: SuggestionDTO[] | (() => SuggestionDTO[]);
  canEdit: boolean;
  run: Run;
  onAccepted: (claim: ClaimDTO) => Promise<void>;
  onStale: () => void;
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
    if (created) await onAccepted(created);
    else onStale(); // someone else accepted it first: reload to show their claim
  }

  async function dismiss() {
    if (!open || !canEdit) return;
    const suggestion = open;
    if (await run(() => dismissSuggestionAction({ id: suggestion.id }))) {
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
