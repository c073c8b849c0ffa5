"use client";

import { useEffect, useState } from "react";
import { VerdictBadge } from "@/components/claims/VerdictBadge";
import type { CheckedBeforeDTO } from "@/lib/claims/checked-before";
import type { SuggestionDTO } from "@/lib/claims/suggested";
import type { NumericClaim } from "@/lib/suggestions";
import { readApi } from "@/components/ui/read-api";
import { CheckedBefore } from "@/components/claims/CheckedBefore";
import { buttonClass, quietButtonClass, sectionTitleClass } from "@/components/ui/styles";

type Props = {
  suggestion: SuggestionDTO;
  canEdit: boolean;
  pending: boolean;
  onAccept: () => void;
  onDismiss: () => void;
  onClose: () => void;
};

/** A suggested claim: why it was suggested, its numbers, earlier verdicts; accept (a) or dismiss (x). */
export function SuggestionCard({ suggestion, canEdit, pending, onAccept, onDismiss, onClose }: Props) {
  const [info, setInfo] = useState<{ numeric: NumericClaim | null; checkedBefore: CheckedBeforeDTO[] } | null>(null);
  useEffect(() => {
    let live = true;
    type Info = { numeric: NumericClaim | null; checkedBefore: CheckedBeforeDTO[] };
    void readApi(`/api/v1/suggestions/${encodeURIComponent(suggestion.id)}`, (d: Info) => d).then(
      (result) => live && result.ok && setInfo(result.data),
      () => {},
    );
    return () => {
      live = false;
    };
  }, [suggestion.id]);
  return (
    <section aria-label="Suggested claim" className="space-y-4 p-4" data-testid="suggestion-card">
      <div className="flex items-start justify-between">
        <h2 className="text-sm font-semibold">Suggested claim</h2>
        <button type="button" onClick={onClose} className="text-xs text-muted hover:text-accent">
          Close ✕
        </button>
      </div>
      {suggestion.checkedBefore && (
        <p className="rounded-md border border-amber-300 bg-amber-50 px-3 py-2 text-sm" data-testid="suggestion-checked-before">
          <span className="font-semibold">
            Checked before:{" "}
            <VerdictBadge verdict={{ label: suggestion.checkedBefore.verdict, ordinal: suggestion.checkedBefore.verdictOrdinal }} />
          </span>
          <span className="block text-xs text-muted">
            A claim that reads {Math.round(suggestion.checkedBefore.similarity * 100)}% alike in “{suggestion.checkedBefore.article.title}”
          </span>
        </p>
      )}
      {suggestion.checkedBeforePending && !suggestion.checkedBefore && !info && (
        <p className="text-xs text-muted" role="status" data-testid="suggestion-checked-before-pending">
          Checking earlier verdicts…
        </p>
      )}
      <blockquote className="rounded-md bg-stone-50 p-3 font-serif text-[0.95rem]" dir="auto">
        {suggestion.text}
      </blockquote>
      <p className="text-sm">
        <span className="rounded bg-stone-200 px-1.5 py-0.5 text-xs font-medium">{suggestion.type}</span> {suggestion.reason}
        <span className="block text-xs text-muted">Check-worthiness {Math.round(suggestion.score * 100)}%</span>
      </p>
      {info?.numeric && (
        <div data-testid="suggestion-numeric">
          <h3 className={sectionTitleClass}>Numbers</h3>
          <p className="text-sm">
            {info.numeric.approximate ? "about " : ""}
            {info.numeric.value} {info.numeric.unit}
            {info.numeric.shareOf ? ` of ${info.numeric.shareOf}` : ""}
            {info.numeric.subject ? ` · ${info.numeric.subject}` : ""}
            {info.numeric.place ? ` · ${info.numeric.place}` : ""}
            {info.numeric.period ? ` · ${info.numeric.period}` : ""}
          </p>
        </div>
      )}
      {info && <CheckedBefore matches={info.checkedBefore} />}
      {canEdit && (
        <div className="flex gap-2">
          <button type="button" className={buttonClass} onClick={onAccept} disabled={pending}>
            Make it a claim <kbd className="ml-1 opacity-70">a</kbd>
          </button>
          <button type="button" className={quietButtonClass} onClick={onDismiss} disabled={pending}>
            Dismiss <kbd className="ml-1 opacity-70">x</kbd>
          </button>
        </div>
      )}
    </section>
  );
}
