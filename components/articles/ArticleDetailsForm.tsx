"use client";

import { useRouter } from "next/navigation";
import { useState, type FormEvent } from "react";
import { updateArticleDetailsAction } from "@/lib/actions/articles";
import { useAction } from "@/components/claims/useAction";
import { FormError } from "@/components/ui/FormError";
import { buttonClass, inputClass } from "@/components/ui/styles";

type Details = {
  title: string;
  standfirst: string | null;
  byline: string | null;
  sourceUrl: string | null;
  publishedAt: string | null;
  language: string | null;
};

/**
 * Editors: change the article's title, standfirst, byline, source URL, publication date and language after
 * import. Not a new text version (claims and versions are untouched); the change is audited.
 */
export function ArticleDetailsForm({ articleId, details }: { articleId: string; details: Details }) {
  const router = useRouter();
  const initial = {
    title: details.title,
    standfirst: details.standfirst ?? "",
    byline: details.byline ?? "",
    sourceUrl: details.sourceUrl ?? "",
    publishedAt: details.publishedAt?.slice(0, 10) ?? "",
    language: details.language ?? "",
  };
  const [form, setForm] = useState(initial);
  const [open, setOpen] = useState(false);
  const [saved, setSaved] = useState(false);
  const { run, pending, error } = useAction();
  const set = (key: keyof typeof initial) => (value: string) => setForm((f) => ({ ...f, [key]: value }));

  async function submit(event: FormEvent) {
    event.preventDefault();
    setSaved(false);
    if (await run(() => updateArticleDetailsAction({ id: articleId, ...form }))) {
      setSaved(true);
      setOpen(false);
      router.refresh();
    }
  }

  const field = (key: keyof typeof initial, label: string, props: { type?: string; wide?: boolean; hint?: string } = {}) => (
    <label className={`block text-sm font-medium ${props.wide ? "md:col-span-2" : ""}`}>
      {label}
      {props.hint && <span className="ml-2 font-normal text-muted">{props.hint}</span>}
      <input
        dir="auto"
        type={props.type ?? "text"}
        className={`${inputClass} mt-1`}
        value={form[key]}
        onChange={(e) => set(key)(e.target.value)}
      />
    </label>
  );

  return (
    <div className="-mt-4 mb-4 text-sm" data-testid="article-details">
      {!open ? (
        <p>
          <button type="button" className="text-muted underline hover:text-accent" onClick={() => setOpen(true)}>
            Edit title and details
          </button>
          {saved && (
            <span role="status" className="ml-2 text-xs text-emerald-700">
              ✓ Details saved
            </span>
          )}
        </p>
      ) : (
        <form onSubmit={submit} className="space-y-4 rounded-lg border border-rule bg-white p-4" aria-label="Article details">
          <div className="grid gap-4 md:grid-cols-2">
            {field("title", "Title", { wide: true })}
            {field("standfirst", "Standfirst", { wide: true })}
            {field("byline", "Byline")}
            {field("publishedAt", "Published", { type: "date" })}
            {field("sourceUrl", "Source URL", { type: "url" })}
            {field("language", "Language", { hint: "A tag such as en, he, ar" })}
          </div>
          <p className="text-xs text-muted">Changing these does not make a new version of the text; the change is recorded.</p>
          <FormError message={error} />
          <div className="flex items-center gap-3">
            <button type="submit" className={buttonClass} disabled={pending}>
              {pending ? "Saving…" : "Save details"}
            </button>
            <button
              type="button"
              className="text-muted hover:text-accent"
              onClick={() => {
                setForm(initial);
                setOpen(false);
              }}
            >
              Cancel
            </button>
          </div>
        </form>
      )}
    </div>
  );
}
