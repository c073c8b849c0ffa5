"use client";

import { ratingOf } from "@/lib/teams/rating-scale";
import { withCheckedInput } from "@/lib/validation/parse";
import { When } from "@/components/ui/When";
import { ZSubmitReview } from "@/lib/validation/team";
import { type FormEvent } from "react";
import { useDraft } from "@/components/claims/drafts";
import { useRatingScale } from "@/components/claims/RatingScale";
import { VerdictBadge } from "@/components/claims/VerdictBadge";
import type { ClaimDetailDTO } from "@/lib/claims/get-claim";
import { setClaimDoubleReviewAction, submitReviewAction } from "@/lib/actions/claims";
import { FormError } from "@/components/ui/FormError";
import { buttonClass, inputClass, linkButtonClass, sectionTitleClass } from "@/components/ui/styles";
import { useAction } from "@/components/claims/useAction";
import type { OnClaimChanged } from "@/components/claims/ClaimPanel";
import { reviewSubmissionRefusal } from "@/lib/claims/workflow";

type Props = { claim: ClaimDetailDTO; canEdit: boolean; isEditor: boolean; meId: string; onChanged: OnClaimChanged };

/** Independent double review: each reviewer's verdict stays private until both are in. */
export function DoubleReviewSection({ claim, canEdit, isEditor, meId, onChanged }: Props) {
  const ratingScale = useRatingScale();
  const review = claim.doubleReview;
  const mine = review.mine ? review.visible.find((r) => r.reviewer.id === meId) : undefined;
  const [draft, setDraft, clearDraft] = useDraft(meId, claim.id, "review", {
    // The rating on the team's scale (a rating a team added shares its stored key with the default of its value).
    verdict: (mine && ratingOf(ratingScale, mine.verdict)?.key) ?? "",
    explanation: mine?.explanation ?? "",
  });
  const { verdict, explanation } = draft;
  const setVerdict = (value: string) => setDraft({ ...draft, verdict: value });
  const setExplanation = (value: string) => setDraft({ ...draft, explanation: value });
  const { run, pending, error } = useAction();
  const toggle = useAction();
  const complete = review.submitted >= review.needed;
  const maySubmit =
    reviewSubmissionRefusal({ actor: { canWrite: canEdit, canSignOff: isEditor }, status: claim.status, doubleReview: review }) === null;

  async function onSubmit(event: FormEvent) {
    event.preventDefault();
    const done = await run(() => withCheckedInput(ZSubmitReview, { claimId: claim.id, verdict, explanation }, submitReviewAction));
    if (done) {
      clearDraft();
      onChanged(done);
    }
  }

  async function setRequired(required: boolean) {
    const done = await toggle.run(() => setClaimDoubleReviewAction({ id: claim.id, required, version: claim.version }));
    if (done) onChanged(done);
  }

  if (!review.required) {
    return isEditor && claim.status !== "verified" ? (
      <p className="text-xs text-muted">
        <button type="button" className={linkButtonClass} onClick={() => setRequired(true)} disabled={toggle.pending}>
          Require independent double review
        </button>
        <FormError message={toggle.error} />
      </p>
    ) : null;
  }

  return (
    <div data-testid="double-review">
      <h3 className={sectionTitleClass}>
        Double review · {Math.min(review.submitted, review.needed)} of {review.needed} verdicts in
      </h3>
      {!complete && <p className="mb-2 text-xs text-muted">Each reviewer decides on their own; verdicts are shown once both are in.</p>}
      {review.visible.length > 0 && (
        <div className={`grid gap-2 ${complete ? "grid-cols-2" : ""}`}>
          {review.visible.map((r) => (
            <div key={r.reviewer.id} className="rounded-md border border-rule bg-stone-50 p-2 text-sm">
              <p className="text-xs text-muted">
                {r.reviewer.name}
                {r.reviewer.id === meId ? " (you)" : ""}
              </p>
              <p className="font-semibold">
                <VerdictBadge verdict={r.verdict} />
              </p>
              <p className="mt-1 text-xs">{r.explanation}</p>
            </div>
          ))}
        </div>
      )}
      {complete && (
        <p className="mt-2 text-xs" data-testid="agreement">
          {review.agreed
            ? "The reviewers agree."
            : review.settlement
              ? "The reviewers disagreed."
              : "The reviewers disagree: an editor settles the verdict below."}
        </p>
      )}
      {complete && review.settlement && (
        <div className="mt-2 rounded-md border border-rule bg-white p-2 text-sm" data-testid="settlement">
          <p className="text-xs text-muted">
            Settled by <span className="font-medium text-ink">{review.settlement.by.name}</span>, <When iso={review.settlement.at} />
          </p>
          {review.settlement.verdict && <p className="font-semibold">{review.settlement.verdict}</p>}
          <p className="mt-1 text-xs">{review.settlement.reason}</p>
        </div>
      )}
      {maySubmit && (
        <form onSubmit={onSubmit} className="mt-2 space-y-2" aria-label="Submit my verdict">
          <select aria-label="My verdict" className={inputClass} value={verdict} onChange={(e) => setVerdict(e.target.value)}>
            <option value="" disabled>
              Choose your verdict…
            </option>
            {ratingScale.map((v) => (
              <option key={v.key} value={v.key}>
                {v.label}
              </option>
            ))}
          </select>
          <textarea
            dir="auto"
            aria-label="My explanation"
            rows={2}
            className={inputClass}
            placeholder="Why (required)"
            value={explanation}
            onChange={(e) => setExplanation(e.target.value)}
          />
          <button type="submit" className={buttonClass} disabled={pending || !verdict}>
            {review.mine ? "Update my verdict" : "Submit my verdict"}
          </button>
          <FormError message={error} />
        </form>
      )}
      {isEditor && !complete && (
        <button type="button" className={`${linkButtonClass} mt-2`} onClick={() => setRequired(false)} disabled={toggle.pending}>
          Stop requiring double review
        </button>
      )}
    </div>
  );
}
