"use client";

import { useRouter } from "next/navigation";
import { useEffect, useState, type FormEvent } from "react";
import { saveVersionAction } from "@/lib/actions/articles";
import { useAction } from "@/components/claims/useAction";
import { FormError } from "@/components/ui/FormError";
import { buttonClass, inputClass } from "@/components/ui/styles";

type Props = {
  articleId: string;
  baseVersion: number;
  initialTitle: string;
  initialMarkdown: string;
  /** Claims the save will re-anchor. */
  claims: number;
  maxBytes: number;
};

const megabytes = (bytes: number) => `${(bytes / 1024 / 1024).toLocaleString("en-GB", { maximumFractionDigits: 1 })} MB`;

/** The article as Markdown in a textarea; saving makes version N+1 and re-anchors every claim. */
export function VersionEditor({ articleId, baseVersion, initialTitle, initialMarkdown, claims, maxBytes }: Props) {
  const router = useRouter();
  const [title, setTitle] = useState(initialTitle);
  const [markdown, setMarkdown] = useState(initialMarkdown);
  const [notice, setNotice] = useState<string | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const { run, pending, error, conflict, clearError } = useAction();
  const changed = title !== initialTitle || markdown !== initialMarkdown;
  // Closing the tab or following a link with unsaved edits asks first (the browser's own
  // prompt); saving navigates within the app, which does not ask.
  useEffect(() => {
    if (!changed) return;
    const warn = (event: BeforeUnloadEvent) => event.preventDefault();
    window.addEventListener("beforeunload", warn);
    return () => window.removeEventListener("beforeunload", warn);
  }, [changed]);

  async function save(event: FormEvent) {
    event.preventDefault();
    setNotice(null);
    setProblem(null);
    clearError();
    if (markdown.trim() === "") return setProblem("The article text is empty. Write or paste the text before saving.");
    if (title.trim() === "") return setProblem("The title cannot be empty.");
    const bytes = new TextEncoder().encode(markdown).length;
    if (bytes > maxBytes) return setProblem(`The text is ${megabytes(bytes)}; the limit is ${megabytes(maxBytes)}.`);
    const result = await run(() => saveVersionAction({ articleId, baseVersion, title: title.trim(), markdown }));
    if (!result) return;
    if (!result.saved)
      return setNotice("Nothing changed: the text and title are the same as in the current version, so no new version was made.");
    const query = new URLSearchParams({ saved: String(result.version), moved: String(result.moved), review: String(result.needsReview) });
    router.push(`/articles/${articleId}?${query}`);
  }

  return (
    <form onSubmit={save} className="space-y-4 rounded-lg border border-rule bg-white p-6" aria-busy={pending}>
      <div className="flex flex-wrap items-baseline justify-between gap-2">
        <h1 className="text-2xl font-semibold tracking-tight">Edit text</h1>
        <p className="text-sm text-muted">
          Editing version {baseVersion} · saving makes version {baseVersion + 1}; earlier versions stay as they were.
        </p>
      </div>
      <label className="block text-sm font-medium">
        Title
        <input
          dir="auto"
          className={`${inputClass} mt-1 font-serif text-lg`}
          value={title}
          onChange={(e) => setTitle(e.target.value)}
          maxLength={300}
          required
        />
      </label>
      <label className="block text-sm font-medium">
        Article text
        <span className="ml-2 font-normal text-muted">
          Markdown: a blank line between paragraphs, ## for headings, - for list items, &gt; for quotes, [words](https://…) for links.
        </span>
        <textarea
          dir="auto"
          className={`${inputClass} mt-1 h-[60vh] resize-y font-mono text-[0.85rem] leading-relaxed`}
          value={markdown}
          onChange={(e) => setMarkdown(e.target.value)}
          spellCheck
          aria-describedby="reanchor-note"
        />
      </label>
      <p id="reanchor-note" className="text-sm text-muted">
        {claims === 0
          ? "This article has no claims yet."
          : `${claims} claim${claims === 1 ? "" : "s"} will be moved onto the new text. Claims whose words cannot be found with confidence are listed under “Needs re-anchoring” for a person to place; nothing is deleted.`}
      </p>
      {problem && <FormError message={problem} />}
      <FormError message={error} />
      {conflict && (
        <p className="text-sm text-muted">
          Your text is still here. Copy it, then{" "}
          <a href={`/articles/${articleId}/versions`} target="_blank" rel="noopener" className="text-accent underline">
            see what changed in the newer version
          </a>{" "}
          (opens in a new tab) and apply your changes to it.
        </p>
      )}
      {notice && (
        <p role="status" className="rounded-md border border-rule bg-stone-50 px-3 py-2 text-sm">
          {notice}
        </p>
      )}
      <div className="flex items-center gap-3">
        <button type="submit" className={buttonClass} disabled={pending || !changed}>
          {pending ? "Saving and re-anchoring claims…" : `Save as version ${baseVersion + 1}`}
        </button>
        <a href={`/articles/${articleId}`} className="text-sm text-muted hover:text-accent">
          Cancel
        </a>
        {!changed && <span className="text-xs text-muted">No changes yet.</span>}
      </div>
    </form>
  );
}
