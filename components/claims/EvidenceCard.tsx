"use client";

import { EvidenceMetaFields } from "@/components/claims/EvidenceMetaFields";
import Link from "next/link";
import { useState } from "react";
import { When } from "@/components/ui/When";
import type { EvidenceDTO } from "@/lib/claims/evidence";
import { editEvidenceAction, removeEvidenceAction, restoreEvidenceAction } from "@/lib/actions/claims";
import { withCheckedInput } from "@/lib/validation/parse";
import { ZEditEvidence } from "@/lib/validation/claims";
import { FormError } from "@/components/ui/FormError";
import { buttonClass, inputClass, linkButtonClass, quietButtonClass } from "@/components/ui/styles";
import { useAction } from "@/components/claims/useAction";
import { useFormFocus } from "@/components/ui/useFormFocus";
import type { OnClaimChanged } from "@/components/claims/ClaimPanel";

const STANCE_STYLE: Record<string, string> = {
  supports: "bg-emerald-100 text-emerald-900",
  contradicts: "bg-red-100 text-red-900",
  context: "bg-stone-200 text-stone-800",
};

const kilobytes = (bytes: number) => (bytes < 1024 * 1024 ? `${Math.ceil(bytes / 1024)} KB` : `${(bytes / 1024 / 1024).toFixed(1)} MB`);

type Props = { item: EvidenceDTO; canChange: boolean; onChanged: OnClaimChanged };

/** One source on a claim: stance, link or file, excerpt, archive and drift-watch state; edit, remove and undo. */
export function EvidenceCard({ item, canChange, onChanged }: Props) {
  const [editing, setEditing] = useState(false);
  // Opening the form focuses its title; cancelling, saving or restoring focuses Edit (in the remounted card too).
  const { opening, closing, fieldRef, buttonRef } = useFormFocus(`evidence-card:${item.id}`);
  const { run, pending, error } = useAction();
  const [form, setForm] = useState(() => formOf(item));
  const set = (field: keyof ReturnType<typeof formOf>) => (e: { target: { value: string } }) =>
    setForm({ ...form, [field]: e.target.value });

  async function act(action: () => ReturnType<typeof removeEvidenceAction>) {
    const done = await run(action);
    if (done) {
      closing();
      setEditing(false);
      onChanged(done);
    }
  }

  if (item.deletedAt) {
    return (
      <li className="rounded-md border border-dashed border-rule p-2.5 text-sm italic text-muted" data-testid="evidence-item">
        Evidence removed: {item.title}.{" "}
        {canChange && (
          <button
            type="button"
            className={`${linkButtonClass} not-italic`}
            disabled={pending}
            onClick={() => act(() => restoreEvidenceAction({ evidenceId: item.id }))}
          >
            Undo
          </button>
        )}
        <FormError message={error} />
      </li>
    );
  }

  if (editing) {
    return (
      <li className="rounded-md border border-rule bg-stone-50 p-2.5 text-sm" data-testid="evidence-item">
        <form
          aria-label="Edit evidence"
          className="space-y-2"
          onSubmit={(event) => {
            event.preventDefault();
            void act(() => withCheckedInput(ZEditEvidence, { evidenceId: item.id, version: item.version, ...form }, editEvidenceAction));
          }}
        >
          {!item.file && <input dir="auto" aria-label="Source URL" className={inputClass} value={form.url} onChange={set("url")} />}
          <input dir="auto" aria-label="Source title" ref={fieldRef} className={inputClass} value={form.title} onChange={set("title")} />
          <textarea dir="auto" aria-label="Quoted excerpt" className={inputClass} rows={2} value={form.excerpt} onChange={set("excerpt")} />
          <EvidenceMetaFields form={form} set={set} />
          <div className="flex gap-2">
            <button type="submit" className={buttonClass} disabled={pending}>
              {pending ? "Saving…" : "Save changes"}
            </button>
            <button type="button" className={quietButtonClass} onClick={() => (setForm(formOf(item)), closing(), setEditing(false))}>
              Cancel
            </button>
          </div>
          <FormError message={error} />
        </form>
      </li>
    );
  }

  const href = item.file ? `/api/v1/evidence/${item.id}/file` : item.url;
  return (
    <li className="rounded-md border border-rule bg-white p-2.5 text-sm" data-testid="evidence-item">
      <div className="flex flex-wrap items-center gap-1.5 text-xs">
        <span className={`rounded px-1.5 py-0.5 font-medium ${STANCE_STYLE[item.stance]}`}>{item.stance}</span>
        <span className="rounded border border-rule px-1.5 py-0.5 text-muted">{item.sourceType} source</span>
        <span className="text-muted">retrieved {item.retrievedAt.slice(0, 10)}</span>
        {item.source.flag === "changed" && (
          <span className="rounded bg-amber-100 px-1.5 py-0.5 font-medium text-amber-900" data-testid="source-flag">
            source changed
          </span>
        )}
        {item.source.flag === "gone" && (
          <span className="rounded bg-red-100 px-1.5 py-0.5 font-medium text-red-900" data-testid="source-flag">
            source gone
          </span>
        )}
      </div>
      <a
        href={href}
        target="_blank"
        rel="noopener noreferrer nofollow"
        className="mt-1 block font-medium break-words text-accent underline-offset-2 hover:underline"
        dir="auto"
      >
        {item.title}
      </a>
      {item.file && (
        <p className="text-xs text-muted" data-testid="evidence-file">
          File: <span dir="auto">{item.file.name}</span> (
          {item.file.mediaType === "application/pdf" ? "PDF" : item.file.mediaType.slice(6).toUpperCase()}, {kilobytes(item.file.size)})
        </p>
      )}
      {item.excerpt && (
        <blockquote className="mt-1 border-l-2 border-rule pl-2 font-serif text-muted" dir="auto">
          {item.excerpt}
        </blockquote>
      )}
      {!item.file && <ArchiveLine item={item} />}
      <p className="mt-1 text-xs text-muted">
        Added by {item.addedBy.name}, <When iso={item.createdAt} />
        {item.editedAt && " · edited"}
      </p>
      {canChange && (
        <div className="mt-1 flex gap-3 text-xs">
          <button
            type="button"
            ref={buttonRef}
            className={linkButtonClass}
            onClick={() => (setForm(formOf(item)), opening(), setEditing(true))}
          >
            Edit
          </button>
          <button
            type="button"
            className={linkButtonClass}
            disabled={pending}
            onClick={() => act(() => removeEvidenceAction({ evidenceId: item.id }))}
          >
            Remove
          </button>
        </div>
      )}
      <FormError message={error} />
    </li>
  );
}

function ArchiveLine({ item }: { item: EvidenceDTO }) {
  const { archive, source } = item;
  return (
    <p className="mt-1 text-xs text-muted" data-testid="evidence-archive">
      {archive.at ? (
        <>
          <Link href={`/evidence/${item.id}`} className="text-accent underline-offset-2 hover:underline">
            archived <When iso={archive.at} />
          </Link>
          {archive.excerptFound === true && " · excerpt found in the archive"}
          {archive.excerptFound === false && <span className="text-red-800"> · excerpt not found in the archive</span>}
          {source.flag && (
            <>
              {" · "}
              <Link href={`/evidence/${item.id}`} className="font-medium text-accent underline-offset-2 hover:underline">
                {source.flag === "changed" ? "see what changed" : "see the last check"}
              </Link>
            </>
          )}
        </>
      ) : archive.error ? (
        <span className="text-red-800">Not archived yet: {archive.error} Factdesk tries again for a few hours.</span>
      ) : (
        "Archiving…"
      )}
    </p>
  );
}

function formOf(item: EvidenceDTO) {
  return {
    url: item.url,
    title: item.title,
    excerpt: item.excerpt,
    stance: item.stance as string,
    sourceType: item.sourceType as string,
    retrievedAt: item.retrievedAt.slice(0, 10),
  };
}
