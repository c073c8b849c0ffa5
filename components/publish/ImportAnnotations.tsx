"use client";

import { useRouter } from "next/navigation";
import { useRef, useState } from "react";
import { FormError } from "@/components/ui/FormError";
import { callApi } from "@/components/ui/call-api";
import type { ImportResult } from "@/lib/annotations/import-annotations";

const MAX_LISTED_PROBLEMS = 5;

/** Upload a W3C annotation export (from this desk or another) into this article. */
export function ImportAnnotations({ articleId }: { articleId: string }) {
  const router = useRouter();
  const input = useRef<HTMLInputElement>(null);
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [problems, setProblems] = useState<string[]>([]);
  const [done, setDone] = useState<ImportResult | null>(null);

  async function upload(file: File) {
    setPending(true);
    setError(null);
    setProblems([]);
    setDone(null);
    const result = await callApi<{ imported: ImportResult }>(`/api/v1/articles/${articleId}/annotations`, {
      method: "POST",
      headers: { "content-type": "application/ld+json" },
      body: await file.text(),
    });
    setPending(false);
    if (input.current) input.current.value = "";
    if (!result.ok) {
      setError(result.message);
      setProblems(
        Object.entries(result.fields ?? {})
          .slice(1, MAX_LISTED_PROBLEMS)
          .map(([path, messages]) => `${path}: ${messages[0]}`),
      );
      return;
    }
    setDone(result.data.imported);
    router.refresh();
  }

  return (
    <div className="flex flex-wrap items-center gap-x-3 gap-y-1" data-testid="import-annotations">
      <span className="text-xs font-semibold uppercase tracking-wide text-muted">Import</span>
      <label className="cursor-pointer text-xs text-accent underline-offset-2 hover:underline">
        W3C annotations file…
        <input
          ref={input}
          type="file"
          accept=".json,.jsonld,application/json,application/ld+json"
          className="sr-only"
          disabled={pending}
          onChange={(e) => {
            const file = e.target.files?.[0];
            if (file) void upload(file);
          }}
        />
      </label>
      {pending && (
        <span role="status" className="text-xs text-muted">
          Importing…
        </span>
      )}
      {done && (
        <span role="status" className="text-xs text-emerald-700">
          ✓ Imported {done.claims} {done.claims === 1 ? "claim" : "claims"}, {done.comments} comments, {done.evidence} evidence
          {done.needsReview > 0 ? ` · ${done.needsReview} need a person to place them` : ""}
          {done.downgraded > 0
            ? ` · ${done.downgraded} verified or disputed ${done.downgraded === 1 ? "claim arrives" : "claims arrive"} as proposed (an editor of this desk signs off)`
            : ""}
          {done.verdictsHeld > 0
            ? ` · ${done.verdictsHeld} ${done.verdictsHeld === 1 ? "verdict was" : "verdicts were"} not applied: this article needs two independent verdicts (the file's is kept with the claim)`
            : ""}
        </span>
      )}
      <FormError message={error} />
      {problems.length > 0 && (
        <ul className="w-full list-disc pl-5 text-xs text-red-800">
          {problems.map((p) => (
            <li key={p}>{p}</li>
          ))}
        </ul>
      )}
    </div>
  );
}
