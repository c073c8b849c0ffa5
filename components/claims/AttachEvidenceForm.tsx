"use client";

import { useState, type FormEvent } from "react";
import { FormError } from "@/components/ui/FormError";
import { buttonClass, inputClass, quietButtonClass } from "@/components/ui/styles";

const today = () => new Date().toISOString().slice(0, 10);

/** Attaches a PDF or image as evidence (POST /api/v1/claims/{id}/evidence/file); the server checks type and size. */
export function AttachEvidenceForm({ claimId, onDone }: { claimId: string; onDone: (added: boolean) => void }) {
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<string | null>(null);

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setPending(true);
    setError(null);
    try {
      const response = await fetch(`/api/v1/claims/${claimId}/evidence/file`, { method: "POST", body: new FormData(event.currentTarget) });
      if (response.ok) return onDone(true);
      const body = (await response.json().catch(() => null)) as { error?: { message?: string } } | null;
      setError(body?.error?.message ?? "The file could not be attached. Try again.");
    } catch {
      setError("The file could not be sent. Check your connection and try again.");
    } finally {
      setPending(false);
    }
  }

  return (
    <form
      onSubmit={onSubmit}
      className="mt-2 space-y-2 rounded-md border border-rule bg-stone-50 p-2.5"
      aria-label="Attach a file as evidence"
    >
      <input
        name="file"
        type="file"
        required
        aria-label="File (PDF, PNG, JPEG or WebP, up to 10 MB)"
        accept="application/pdf,image/png,image/jpeg,image/webp"
        className="block w-full text-sm"
      />
      <input name="title" dir="auto" required aria-label="Source title" className={inputClass} placeholder="Title of the source" />
      <textarea
        name="excerpt"
        dir="auto"
        aria-label="Quoted excerpt"
        className={inputClass}
        rows={2}
        placeholder="The passage that matters (optional)"
      />
      <div className="grid grid-cols-1 gap-2 sm:grid-cols-3">
        <select name="stance" aria-label="Stance" className={inputClass} defaultValue="supports">
          <option value="supports">Supports</option>
          <option value="contradicts">Contradicts</option>
          <option value="context">Context</option>
        </select>
        <select name="sourceType" aria-label="Source type" className={inputClass} defaultValue="primary">
          <option value="primary">Primary</option>
          <option value="secondary">Secondary</option>
        </select>
        <input name="retrievedAt" aria-label="Date retrieved" type="date" className={inputClass} defaultValue={today()} />
      </div>
      <div className="flex gap-2">
        <button type="submit" className={buttonClass} disabled={pending}>
          {pending ? "Attaching…" : "Attach file"}
        </button>
        <button type="button" className={quietButtonClass} onClick={() => onDone(false)}>
          Cancel
        </button>
      </div>
      <FormError message={error} />
    </form>
  );
}
