"use client";

import { useState } from "react";
import { When } from "@/components/ui/When";
import type { CommentDTO } from "@/lib/claims/comments";
import { deleteCommentAction, editCommentAction, restoreCommentAction } from "@/lib/actions/claims";
import { FormError } from "@/components/ui/FormError";
import { LinkifiedText } from "@/components/ui/LinkifiedText";
import { buttonClass, inputClass, linkButtonClass } from "@/components/ui/styles";
import { useAction } from "@/components/claims/useAction";
import type { OnClaimChanged } from "@/components/claims/ClaimPanel";
import { CommentBox } from "@/components/claims/CommentThread";
import { hasDraft } from "@/components/claims/drafts";
import { useFormFocus } from "@/components/ui/useFormFocus";

type Props = {
  comment: CommentDTO;
  replies: Map<string | null, CommentDTO[]>;
  claimId: string;
  canEdit: boolean;
  meId: string;
  onChanged: OnClaimChanged;
};

export function CommentItem({ comment, replies, claimId, canEdit, meId, onChanged }: Props) {
  // A reply being written reopens with its draft.
  const [mode, setMode] = useState<"view" | "edit" | "reply">(() => (hasDraft(meId, claimId, `reply:${comment.id}`) ? "reply" : "view"));
  const [draft, setDraft] = useState(comment.body);
  const { run, pending, error } = useAction();
  const mine = comment.author.id === meId && canEdit;
  // "Reply" puts focus in the reply box; one restored from a draft as the panel opens takes none (keys33).
  const reply = useFormFocus(`reply:${comment.id}`);

  async function act(action: () => ReturnType<typeof editCommentAction>) {
    const done = await run(action);
    if (done) {
      setMode("view");
      onChanged(done);
    }
  }

  return (
    <li className="rounded-md border border-rule bg-white p-2.5 text-sm" data-testid="comment">
      <p className="text-xs text-muted">
        {comment.importedFrom ? (
          <>
            <span className="font-medium text-ink">{comment.importedFrom.name}</span>
            {comment.importedFrom.created && (
              <>
                {" "}
                · <When iso={comment.importedFrom.created} />
              </>
            )}{" "}
            · imported by {comment.author.name}
          </>
        ) : (
          <>
            <span className="font-medium text-ink">{comment.author.name}</span> · <When iso={comment.createdAt} />
          </>
        )}
        {comment.editedAt && !comment.deletedAt && " · edited"}
      </p>
      {comment.deletedAt ? (
        <p className="mt-1 italic text-muted">
          Comment deleted.{" "}
          {mine && (
            <button
              type="button"
              className={linkButtonClass}
              disabled={pending}
              onClick={() => act(() => restoreCommentAction({ commentId: comment.id }))}
            >
              Undo
            </button>
          )}
        </p>
      ) : mode === "edit" ? (
        <div className="mt-1 space-y-2">
          <textarea
            dir="auto"
            aria-label="Edit comment"
            className={inputClass}
            rows={2}
            value={draft}
            onChange={(e) => setDraft(e.target.value)}
          />
          <div className="flex gap-2">
            <button
              type="button"
              className={buttonClass}
              disabled={pending}
              onClick={() => act(() => editCommentAction({ commentId: comment.id, body: draft, version: comment.version }))}
            >
              Save
            </button>
            <button type="button" className={linkButtonClass} onClick={() => setMode("view")}>
              Cancel
            </button>
          </div>
        </div>
      ) : (
        <p className="mt-1 text-ink" dir="auto" data-testid="comment-body">
          <LinkifiedText text={comment.body} />
        </p>
      )}
      {!comment.deletedAt && mode === "view" && canEdit && (
        <div className="mt-1.5 flex gap-3">
          <button type="button" className={linkButtonClass} onClick={() => (reply.opening(), setMode("reply"))}>
            Reply
          </button>
          {mine && (
            <button type="button" className={linkButtonClass} onClick={() => setMode("edit")}>
              Edit
            </button>
          )}
          {mine && (
            <button
              type="button"
              className={linkButtonClass}
              disabled={pending}
              onClick={() => act(() => deleteCommentAction({ commentId: comment.id }))}
            >
              Delete
            </button>
          )}
        </div>
      )}
      {mode === "reply" && (
        <div className="mt-2">
          <CommentBox
            claimId={claimId}
            meId={meId}
            parentId={comment.id}
            inputRef={reply.fieldRef}
            onDone={(view) => {
              setMode("view");
              onChanged(view);
            }}
          />
        </div>
      )}
      <FormError message={error} />
      {(replies.get(comment.id) ?? []).length > 0 && (
        <ul className="mt-2 space-y-2 border-l-2 border-rule pl-3">
          {replies.get(comment.id)!.map((reply) => (
            <CommentItem
              key={reply.id}
              comment={reply}
              replies={replies}
              claimId={claimId}
              canEdit={canEdit}
              meId={meId}
              onChanged={onChanged}
            />
          ))}
        </ul>
      )}
    </li>
  );
}
