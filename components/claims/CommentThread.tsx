"use client";

import { forwardRef, useState, type FormEvent } from "react";
import { useDraft } from "@/components/claims/drafts";
import type { CommentDTO } from "@/lib/claims/comments";
import type { ClaimDetailDTO } from "@/lib/claims/get-claim";
import { addCommentAction } from "@/lib/actions/claims";
import { FormError } from "@/components/ui/FormError";
import { buttonClass, sectionTitleClass } from "@/components/ui/styles";
import { MentionTextarea } from "@/components/claims/MentionTextarea";
import { useAction } from "@/components/claims/useAction";
import type { OnClaimChanged } from "@/components/claims/ClaimPanel";
import type { ClaimView } from "@/lib/claims/claim-view";
import { CommentItem } from "@/components/claims/CommentItem";
import { useSubmissionKey } from "@/components/ui/useSubmissionKey";

type Props = { claim: ClaimDetailDTO; canEdit: boolean; meId: string; onChanged: OnClaimChanged };

export function CommentBox({
  claimId,
  meId,
  parentId,
  onDone,
  inputRef,
}: {
  claimId: string;
  meId: string;
  parentId?: string;
  onDone: (view: ClaimView) => void;
  inputRef?: React.Ref<HTMLTextAreaElement>;
}) {
  const [body, setBody, clearDraft] = useDraft(meId, claimId, parentId ? `reply:${parentId}` : "comment", "");
  const { run, pending, error } = useAction();
  const submission = useSubmissionKey();
  // Whom the writer picked from the @ list: tells apart members who share a name; the server reads the text.
  const [mentionIds, setMentionIds] = useState<string[]>([]);
  async function onSubmit(event: FormEvent) {
    event.preventDefault();
    const input = { claimId, body, parentId, mentionIds };
    // A retry of the same comment carries the same key: the server posts it once.
    const done = await run(() => addCommentAction(input, { idempotencyKey: submission.keyFor(input) }));
    if (done) {
      submission.done();
      setMentionIds([]);
      clearDraft("");
      onDone(done);
    }
  }
  return (
    <form onSubmit={onSubmit} className="space-y-2" aria-label={parentId ? "Reply" : "Add comment"}>
      <MentionTextarea
        inputRef={inputRef}
        label={parentId ? "Reply" : "Comment"}
        placeholder={
          parentId ? "Write a reply… (@ to mention someone)" : "Add a comment (plain text, links allowed; @ to mention someone)…"
        }
        value={body}
        onChange={setBody}
        onMention={(m) => setMentionIds((ids) => (ids.includes(m.id) ? ids : [...ids, m.id]))}
      />
      <button type="submit" className={buttonClass} disabled={pending || body.trim() === ""}>
        {pending ? "Posting…" : parentId ? "Reply" : "Comment"}
      </button>
      <FormError message={error} />
    </form>
  );
}

export const CommentThread = forwardRef<HTMLTextAreaElement, Props>(function CommentThread({ claim, canEdit, meId, onChanged }, ref) {
  const children = new Map<string | null, CommentDTO[]>();
  for (const comment of claim.comments) {
    const key = comment.parentId;
    children.set(key, [...(children.get(key) ?? []), comment]);
  }
  const live = claim.comments.filter((c) => !c.deletedAt).length;
  return (
    <div>
      <h3 className={sectionTitleClass}>Comments ({live})</h3>
      {claim.comments.length === 0 && <p className="mb-2 text-sm text-muted">No comments yet.</p>}
      <ul className="space-y-2" data-testid="comment-thread">
        {(children.get(null) ?? []).map((comment) => (
          <CommentItem
            key={comment.id}
            comment={comment}
            replies={children}
            claimId={claim.id}
            canEdit={canEdit}
            meId={meId}
            onChanged={onChanged}
          />
        ))}
      </ul>
      {canEdit && (
        <div className="mt-3">
          <CommentBox claimId={claim.id} meId={meId} onDone={onChanged} inputRef={ref} />
        </div>
      )}
    </div>
  );
});
