"use client";

import { useLayoutEffect, useRef, type RefObject } from "react";
import { When } from "@/components/ui/When";
import type { TextRange } from "@/lib/anchoring/selectors";
import { ReanchorSection } from "@/components/claims/ReanchorSection";
import type { ClaimDetailDTO } from "@/lib/claims/get-claim";
import { ClaimHistory } from "@/components/claims/ClaimHistory";
import { CommentThread } from "@/components/claims/CommentThread";
import { EvidenceSection } from "@/components/claims/EvidenceSection";
import { StatusStepper } from "@/components/claims/StatusStepper";
import { VerdictForm } from "@/components/claims/VerdictForm";
import { AssignSection } from "@/components/claims/AssignSection";
import { DoubleReviewSection } from "@/components/claims/DoubleReviewSection";
import { CheckedBefore } from "@/components/claims/CheckedBefore";
import { NumericSection } from "@/components/claims/NumericSection";
import { CorrectionsSection } from "@/components/claims/CorrectionsSection";
import { ClaimantSection } from "@/components/claims/ClaimantSection";
import { offersVerdictForm } from "@/lib/claims/workflow";
import { TagEditor } from "@/components/tags/TagEditor";
import { tagClaimAction, untagClaimAction } from "@/lib/actions/tags";
import { useVerdictFill } from "@/components/claims/VerdictBadge";
import { PageMark } from "@/components/claims/PageMark";
import type { ClaimView } from "@/lib/claims/claim-view";
import type { ActionResult } from "@/lib/http/result";
import type { TagDTO } from "@/lib/tags/tag-rules";
import { submitOnModEnter } from "@/components/ui/submitOnModEnter";
import { isTypingOutside } from "@/components/ui/typing";

/**
 * What a section of the panel reports after a change: the claim as the action answered it (the page updates
 * from it alone), nothing (the page reads the claim again, e.g. after a file upload) or `reloadOnly` (after a
 * conflict: read again, without saying "Saved").
 */
export type OnClaimChanged = (change?: ClaimView | { reloadOnly: true }) => void;

/** A tag action's answer as TagEditor takes it (the claim's tags), reporting the whole claim to the page. */
function tagsOf(result: ActionResult<ClaimView>, onChanged: OnClaimChanged): ActionResult<TagDTO[]> {
  if (!result.ok) return result;
  onChanged(result.data);
  return { ok: true, data: result.data.claim.tags };
}

export type PanelRefs = {
  status: RefObject<HTMLDivElement | null>;
  verdict: RefObject<HTMLSelectElement | null>;
  comment: RefObject<HTMLTextAreaElement | null>;
  evidence: RefObject<HTMLInputElement | null>;
};

type Props = {
  claim: ClaimDetailDTO;
  canEdit: boolean;
  canSignOff: boolean;
  meId: string;
  refs: PanelRefs;
  onClose: () => void;
  onChanged: OnClaimChanged;
  onShowInText: () => void;
  body: string;
  readSelection: () => TextRange | null;
  bodyRef: RefObject<HTMLDivElement | null>;
  /** The PDF page the claim is on (articles imported from a PDF; null otherwise or when it is not in the text). */
  page?: number | null;
};

export function ClaimPanel({
  claim,
  canEdit,
  canSignOff,
  meId,
  refs,
  onClose,
  onChanged,
  onShowInText,
  body,
  readSelection,
  bodyRef,
  page = null,
}: Props) {
  const attached = claim.anchor.status === "attached";
  const fill = useVerdictFill(claim.verdict);
  // The panel mounts once per opened claim (keyed by id): the reader's focus follows it there, unless they went on to
  // type in a field elsewhere while it loaded (the top search box): their next keys stay theirs (keys33).
  // In the commit that shows the panel (a layout effect), not after its frame: a key pressed as soon as the panel showed
  // (s, to the status pills) was undone when a passive effect then moved focus to the heading.
  const heading = useRef<HTMLHeadingElement>(null);
  useLayoutEffect(() => {
    if (!isTypingOutside(heading.current?.closest("section") ?? null)) heading.current?.focus({ preventScroll: true });
    heading.current?.scrollIntoView({ block: "nearest" });
  }, []);
  // With double review, reviewers give their verdicts privately; an editor settles a dispute.
  const verdictFormOpen = offersVerdictForm({
    actor: { canWrite: canEdit, canSignOff },
    status: claim.status,
    doubleReview: claim.doubleReview,
  });
  return (
    // Ctrl/Cmd+Enter in any of the panel's multi-line fields (comment, reply, evidence) sends that field's form.
    <section aria-label="Claim" className="space-y-5 p-4" data-testid="claim-panel" onKeyDown={submitOnModEnter}>
      <div className="flex items-start justify-between gap-2">
        <h2 ref={heading} tabIndex={-1} className="text-sm font-semibold">
          Claim
        </h2>
        <div className="flex gap-3 text-xs">
          {attached && (
            <button type="button" onClick={onShowInText} className="text-muted hover:text-accent">
              Show in text
            </button>
          )}
          <button type="button" onClick={onClose} className="text-muted hover:text-accent" aria-label="Close claim (Esc)">
            Close ✕
          </button>
        </div>
      </div>
      <blockquote
        className="rounded-md bg-stone-50 p-3 font-serif text-[0.95rem] leading-relaxed text-muted"
        data-testid="claim-quote"
        dir="auto"
      >
        {claim.prefix && <span>…{claim.prefix}</span>}
        <mark className="hl rounded px-0.5 text-ink" data-status={claim.status} data-verdict={claim.verdict?.key ?? undefined} style={fill}>
          {claim.exact}
        </mark>
        {claim.suffix && <span>{claim.suffix}…</span>}
      </blockquote>
      <p className="-mt-3 text-xs text-muted" data-testid="claim-byline">
        Highlighted by {claim.createdBy.name}, <When iso={claim.createdAt} />
        {/* Not the claim's edit counter ("version 3"): on a page whose article has numbered versions it read as one. */}
        {claim.version > 1 && (
          <>
            {" · last changed by "}
            {claim.updatedBy.name}, <When iso={claim.updatedAt} />
          </>
        )}
        {attached && page !== null && (
          <>
            {" · "}
            <PageMark page={page} />
          </>
        )}
      </p>
      {!attached && (
        <ReanchorSection
          key={`anchor-${claim.id}-${claim.version}`}
          claim={claim}
          canEdit={canEdit}
          body={body}
          readSelection={readSelection}
          bodyRef={bodyRef}
          onChanged={onChanged}
        />
      )}
      <TagEditor
        key={`tags-${claim.id}`}
        what="claim"
        tags={claim.tags}
        canEdit={canEdit}
        add={async (input) => tagsOf(await tagClaimAction({ claimId: claim.id, ...input }), onChanged)}
        remove={async (tagId) => tagsOf(await untagClaimAction({ claimId: claim.id, tagId }), onChanged)}
        // tagsOf has already reported the whole claim to the page.
        onChanged={() => {}}
      />
      <CheckedBefore matches={claim.checkedBefore} />
      <ClaimantSection
        key={`claimant-${claim.id}-${claim.version}`}
        claim={claim}
        canEdit={canEdit}
        canSignOff={canSignOff}
        meId={meId}
        onChanged={onChanged}
      />
      <NumericSection key={`numeric-${claim.id}-${claim.version}`} claim={claim} canEdit={canEdit} meId={meId} onChanged={onChanged} />
      {!canEdit && <p className="rounded-md bg-stone-100 px-3 py-2 text-xs text-muted">You have read-only access to this desk.</p>}
      <StatusStepper ref={refs.status} claim={claim} canEdit={canEdit} canSignOff={canSignOff} meId={meId} onChanged={onChanged} />
      <AssignSection key={`assign-${claim.id}`} claim={claim} canAssign={canSignOff} onChanged={onChanged} />
      <DoubleReviewSection
        key={`double-${claim.id}`}
        claim={claim}
        canEdit={canEdit}
        isEditor={canSignOff}
        meId={meId}
        onChanged={onChanged}
      />
      <VerdictForm
        key={`verdict-${claim.id}`}
        ref={refs.verdict}
        claim={claim}
        canEdit={verdictFormOpen}
        meId={meId}
        onChanged={onChanged}
      />
      <CorrectionsSection claim={claim} isEditor={canSignOff && canEdit} onChanged={onChanged} />
      <EvidenceSection
        key={`evidence-${claim.id}`}
        ref={refs.evidence}
        claim={claim}
        canEdit={canEdit}
        canSignOff={canSignOff}
        meId={meId}
        onChanged={onChanged}
      />
      <CommentThread ref={refs.comment} claim={claim} canEdit={canEdit} meId={meId} onChanged={onChanged} />
      <ClaimHistory events={claim.events} />
    </section>
  );
}
