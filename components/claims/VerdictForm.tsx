"use client";

import { withCheckedInput } from "@/lib/validation/parse";
import { When } from "@/components/ui/When";
import { ZSetVerdict } from "@/lib/validation/claims";
import { forwardRef, type FormEvent } from "react";
import { useDraft } from "@/components/claims/drafts";
import { useRatingScale } from "@/components/claims/RatingScale";
import { VerdictBadge } from "@/components/claims/VerdictBadge";
import { ratingOf } from "@/lib/teams/rating-scale";
import type { ClaimDetailDTO } from "@/lib/claims/get-claim";
import { setVerdictAction } from "@/lib/actions/claims";
import { FormError } from "@/components/ui/FormError";
import { buttonClass, inputClass, sectionTitleClass } from "@/components/ui/styles";
import { useAction } from "@/components/claims/useAction";
import type { OnClaimChanged } from "@/components/claims/ClaimPanel";
import { LinkifiedText } from "@/components/ui/LinkifiedText";
import { verdictLock } from "@/lib/claims/workflow";
import { PROPOSED_WORDS, proposedByPeople } from "@/lib/claims/record-words";
import { formatNames } from "@/lib/text/names";

type Props = { claim: ClaimDetailDTO; canEdit: boolean; meId: string; onChanged: OnClaimChanged };

const act = (label: string, a: { by: { name: string }; at: string } | null, testId: string, who = a?.by.name) =>
  a && (
    <li data-testid={testId}>
      {label} by <span className="font-medium text-ink">{who}</span>, <When iso={a.at} />
    </li>
  );

/** Who proposed, settled, verified and reopened the verdict, from the claim's audit record (in lib/claims/record-words.ts's words). */
function VerdictRecord({ claim }: { claim: ClaimDetailDTO }) {
  const { proposed, verified, reopened } = claim.record;
  const proposers = proposed ? formatNames(proposedByPeople(proposed).map((person) => person.name)) : undefined;
  return (
    <ul className="mt-1 space-y-0.5 text-xs text-muted" data-testid="verdict-record">
      {proposed && act(PROPOSED_WORDS[proposed.via], proposed, "record-proposed", proposers)}
      {claim.status === "verified" && act("Verified", verified, "record-verified")}
      {claim.status !== "verified" && reopened && act("Reopened", reopened, "record-reopened")}
    </ul>
  );
}

export const VerdictForm = forwardRef<HTMLSelectElement, Props>(function VerdictForm({ claim, canEdit, meId, onChanged }, ref) {
  const ratingScale = useRatingScale();
  // Kept as a draft until saved: closing the panel or opening another claim loses nothing.
  const [draft, setDraft, clearDraft] = useDraft(meId, claim.id, "verdict", {
    verdict: (claim.verdict && ratingOf(ratingScale, claim.verdict)?.key) ?? "",
    explanation: claim.verdict?.explanation ?? "",
  });
  const { verdict, explanation } = draft;
  const setVerdict = (value: string) => setDraft({ ...draft, verdict: value });
  const setExplanation = (value: string) => setDraft({ ...draft, explanation: value });
  const { run, pending, error, conflict, clearError } = useAction();
  // canEdit says whether this user may set the verdict at all (offersVerdictForm); a verified one is locked.
  const lock = verdictLock(claim.status);

  async function onSubmit(event: FormEvent) {
    event.preventDefault();
    const done = await run(() =>
      withCheckedInput(ZSetVerdict, { claimId: claim.id, verdict, explanation, version: claim.version }, setVerdictAction),
    );
    if (done) {
      clearDraft();
      onChanged(done);
    }
  }

  return (
    <div>
      <h3 className={sectionTitleClass}>Verdict</h3>
      {claim.verdict && (
        <div className="mb-3 rounded-md border border-rule bg-stone-50 p-3 text-sm" data-testid="verdict-card">
          <p>
            <VerdictBadge verdict={claim.verdict} />{" "}
          </p>
          <VerdictRecord claim={claim} />
          <p className="mt-1.5 text-ink" dir="auto">
            <LinkifiedText text={claim.verdict.explanation} />
          </p>
        </div>
      )}
      {canEdit && !lock && (
        <form onSubmit={onSubmit} className="space-y-2" aria-label="Set verdict">
          <select
            ref={ref}
            aria-label="Verdict"
            className={inputClass}
            value={verdict}
            onChange={(e) => setVerdict(e.target.value)}
            required
          >
            <option value="" disabled>
              Choose a verdict…
            </option>
            {ratingScale.map((v) => (
              <option key={v.key} value={v.key}>
                {v.label}
              </option>
            ))}
          </select>
          <textarea
            dir="auto"
            aria-label="Explanation"
            className={inputClass}
            rows={3}
            placeholder="What the evidence shows, in a sentence or two (required)"
            value={explanation}
            onChange={(e) => setExplanation(e.target.value)}
          />
          <button type="submit" className={buttonClass} disabled={pending || verdict === ""}>
            {pending ? "Saving…" : claim.verdict ? "Update verdict" : "Propose verdict"}
          </button>
          <FormError
            message={error}
            onReload={
              conflict
                ? () => {
                    clearError();
                    onChanged({ reloadOnly: true });
                  }
                : undefined
            }
          />
        </form>
      )}
      {lock && canEdit && <p className="text-xs text-muted">{lock.hint}</p>}
    </div>
  );
});
