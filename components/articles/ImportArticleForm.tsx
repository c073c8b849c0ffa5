"use client";

import Link from "next/link";
import { useRouter } from "next/navigation";
import { useMemo, useState, type ChangeEvent, type FormEvent } from "react";
import { FormError } from "@/components/ui/FormError";
import { buttonClass, inputClass } from "@/components/ui/styles";
import { MAX_PDF_BYTES, MAX_PDF_PAGES, type ImportFormat } from "@/lib/articles/import/limits";
import { ACCEPTED_FILES, FORMAT_LABEL, formatOfFile, formatSize, previewOf, type FileFormat } from "@/components/articles/import-source";
import { callApi } from "@/components/ui/call-api";
import { decodeFileBytes } from "@/lib/text/decode-file";

type Source = "url" | "text" | "html" | "markdown" | "file";
const SOURCES: { key: Source; label: string; hint: string }[] = [
  { key: "text", label: "Paste text", hint: "Plain text: leave a blank line between paragraphs." },
  {
    key: "html",
    label: "Paste HTML",
    hint: "The page source or a fragment. Only the article's text, headings, lists, quotes, tables, captions and links are kept; scripts, styles and embeds are removed.",
  },
  {
    key: "markdown",
    label: "Markdown",
    hint: "A leading “# Title” becomes the title; ## headings, - lists (nested by indenting), > quotes, | pipe | tables |, ``` blocks and [links](https://…) keep their structure.",
  },
  {
    key: "file",
    label: "Upload file",
    hint: `A .txt, .html, .md or .pdf file; the format is taken from the extension. A PDF keeps its page numbers (claims show the page they are on); it needs a text layer (a scan without text recognition cannot be read), up to ${formatSize(MAX_PDF_BYTES)} and ${MAX_PDF_PAGES} pages.`,
  },
  {
    key: "url",
    label: "From a URL",
    hint: "Factdesk's server fetches the page (public web pages only) and keeps its article text, structure, title and byline. Where it came from, when, and a fingerprint (SHA-256) of what was fetched are kept with the first version.",
  },
];

type FieldErrors = Record<string, string[]>;
const SHOWN_FIELDS = new Set(["content", "format", "title", "byline", "sourceUrl", "publishedAt", "url"]);
// A text file is read in the browser (for the preview and the size check); a PDF is sent as it is.
/** A chosen file, read: `encoding` is what its text was decoded from (decodeFileBytes; "utf-8" for a PDF). */
type LoadedFile = { name: string; size: number; format: FileFormat; content: string; encoding: string; blob: Blob };

/** Pasting or uploading an article, with its metadata; on success the new article opens. */
export function ImportArticleForm({ maxBytes }: { maxBytes: number }) {
  const router = useRouter();
  const [source, setSource] = useState<Source>("text");
  const [pasted, setPasted] = useState("");
  const [url, setUrl] = useState("");
  const [file, setFile] = useState<LoadedFile | null>(null);
  const [title, setTitle] = useState("");
  const [byline, setByline] = useState("");
  const [sourceUrl, setSourceUrl] = useState("");
  const [publishedAt, setPublishedAt] = useState("");
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [fields, setFields] = useState<FieldErrors>({});

  const pdf = source === "file" && file?.format === "pdf" ? file : null;
  const format: ImportFormat | null =
    source === "url" ? null : source === "file" ? (file && file.format !== "pdf" ? file.format : null) : source;
  const content = source === "file" ? (file?.content ?? "") : pasted;
  const preview = useMemo(() => (format ? previewOf(format, content) : null), [format, content]);
  const active = SOURCES.find((s) => s.key === source)!;

  function choose(next: Source) {
    setSource(next);
    setError(null);
    setFields({});
  }

  async function onFile(event: ChangeEvent<HTMLInputElement>) {
    setError(null);
    setFields({});
    setFile(null);
    const chosen = event.target.files?.[0];
    if (!chosen) return;
    const detected = formatOfFile(chosen.name);
    if (!detected) return setFields({ content: ["Choose a .txt, .html, .htm, .md or .pdf file."] });
    // Checked before reading, so a huge file is refused at once and never sent.
    const limit = detected === "pdf" ? MAX_PDF_BYTES : maxBytes;
    if (chosen.size > limit) return setFields({ content: [`That file is ${formatSize(chosen.size)}; the limit is ${formatSize(limit)}.`] });
    // Not chosen.text(), which reads every file as UTF-8: a legacy export (windows-1252) lost its accents and quotes.
    const decoded =
      detected === "pdf"
        ? { text: "", encoding: "utf-8" }
        : decodeFileBytes(new Uint8Array(await chosen.arrayBuffer()), { html: detected === "html" });
    setFile({ name: chosen.name, size: chosen.size, format: detected, content: decoded.text, encoding: decoded.encoding, blob: chosen });
  }

  async function submit(event: FormEvent) {
    event.preventDefault();
    setError(null);
    setFields({});
    if (source === "url" && url.trim() === "") return setFields({ url: ["Enter the address of the article."] });
    if (source !== "url" && !pdf && (!format || content.trim() === "")) {
      return setFields({ content: [source === "file" ? "Choose a file to import." : "Paste the article first."] });
    }
    const bytes = new TextEncoder().encode(content).length;
    if (source !== "url" && !pdf && bytes > maxBytes)
      return setFields({ content: [`That is ${formatSize(bytes)}; the limit is ${formatSize(maxBytes)}.`] });
    setPending(true);
    // A PDF goes as it is, its details in the query string (empty ones left out, as "not given").
    const pdfQuery = new URLSearchParams(
      Object.entries({ title, byline, sourceUrl, publishedAt }).filter(([, value]) => value.trim() !== ""),
    );
    const request: [string, RequestInit] = pdf
      ? [`/api/v1/articles/from-pdf?${pdfQuery}`, { method: "POST", headers: { "content-type": "application/pdf" }, body: pdf.blob }]
      : [
          source === "url" ? "/api/v1/articles/from-url" : "/api/v1/articles",
          {
            method: "POST",
            headers: { "content-type": "application/json" },
            body: JSON.stringify(
              source === "url" ? { url, title, byline, publishedAt } : { format, content, title, byline, sourceUrl, publishedAt },
            ),
          },
        ];
    const result = await callApi<{ article?: { id: string } }>(...request, {
      failed: () => "The import failed. Nothing was saved; please try again.",
      unreachable: "Factdesk could not be reached. Nothing was saved; check your connection and try again.",
    });
    if (result.ok && result.data?.article) {
      router.push(`/articles/${result.data.article.id}`);
      return; // stays pending while the article page loads
    }
    const returned = result.ok ? {} : (result.fields ?? {});
    setFields(returned);
    // A message already shown beside its field is not repeated; anything else goes in the banner.
    const besideField = Object.keys(returned).some((name) => SHOWN_FIELDS.has(name));
    setError(
      besideField
        ? "Nothing was saved yet: correct the field marked above and import again."
        : result.ok
          ? "The import failed. Nothing was saved; please try again."
          : result.message,
    );
    setPending(false);
  }

  const fieldError = (name: string) =>
    fields[name]?.length ? (
      <p id={`${name}-error`} className="mt-1 text-sm text-red-700">
        {fields[name]!.join(" ")}
      </p>
    ) : null;
  const described = (name: string) => (fields[name]?.length ? `${name}-error` : undefined);

  return (
    <form onSubmit={submit} className="space-y-6 rounded-lg border border-rule bg-white p-6" aria-busy={pending} noValidate>
      <fieldset className="min-w-0">
        <legend className="mb-2 text-sm font-medium">Article</legend>
        <div
          role="tablist"
          aria-label="How to import"
          className="inline-flex max-w-full flex-wrap rounded-md border border-rule bg-stone-50 p-0.5"
        >
          {SOURCES.map((s) => (
            <button
              key={s.key}
              type="button"
              role="tab"
              aria-selected={source === s.key}
              onClick={() => choose(s.key)}
              className={`rounded px-3 py-1.5 text-sm ${source === s.key ? "bg-white font-medium text-ink shadow-sm" : "text-muted hover:text-ink"}`}
            >
              {s.label}
            </button>
          ))}
        </div>
        <p className="mt-2 text-sm text-muted">{active.hint}</p>

        {source === "url" ? (
          <div className="mt-3">
            <label className="block text-sm font-medium" htmlFor="import-url">
              Address of the article
            </label>
            <input
              id="import-url"
              type="url"
              className={`${inputClass} mt-1`}
              value={url}
              onChange={(e) => setUrl(e.target.value)}
              placeholder="https://"
              dir="auto"
              aria-invalid={fields.url ? true : undefined}
              aria-describedby={described("url")}
            />
            {fieldError("url")}
          </div>
        ) : source === "file" ? (
          <div className="mt-3">
            <label className="block text-sm font-medium" htmlFor="import-file">
              File
            </label>
            <input
              id="import-file"
              type="file"
              accept={ACCEPTED_FILES}
              onChange={onFile}
              aria-describedby={described("content")}
              className="mt-1 block w-full text-sm file:mr-3 file:rounded-md file:border file:border-rule file:bg-white file:px-3 file:py-1.5 file:text-sm file:text-ink hover:file:border-accent"
            />
            {file && (
              <p className="mt-2 text-sm text-muted" data-testid="import-file-info">
                {file.name} · {formatSize(file.size)} · read as {FORMAT_LABEL[file.format]}
                {file.encoding !== "utf-8" && file.format !== "pdf" && ` (${file.encoding})`}
              </p>
            )}
          </div>
        ) : (
          <label className="mt-3 block text-sm font-medium">
            {source === "text" ? "Article text" : source === "html" ? "HTML" : "Markdown"}
            <textarea
              dir="auto"
              className={`${inputClass} mt-1 h-72 resize-y ${source === "text" ? "font-serif text-base" : "font-mono text-[0.85rem]"} leading-relaxed`}
              value={pasted}
              onChange={(e) => setPasted(e.target.value)}
              aria-invalid={fields.content ? true : undefined}
              aria-describedby={described("content")}
              spellCheck={source === "text"}
            />
          </label>
        )}
        {fieldError("content")}
        {fieldError("format")}
        {preview && (
          <p className="mt-2 text-sm text-muted" data-testid="import-preview" aria-live="polite">
            {preview.title ? (
              <>
                Title found: <span className="font-medium text-ink">{preview.title}</span> ·{" "}
              </>
            ) : null}
            About {preview.paragraphs} paragraph{preview.paragraphs === 1 ? "" : "s"}
          </p>
        )}
      </fieldset>

      <div className="grid gap-4 md:grid-cols-2">
        <label className="block text-sm font-medium md:col-span-2">
          Title
          <span className="ml-2 font-normal text-muted">
            {format === "text" ? "Required for plain text." : "Leave empty to use the title found in the article."}
          </span>
          <input
            dir="auto"
            className={`${inputClass} mt-1 font-serif text-lg`}
            value={title}
            onChange={(e) => setTitle(e.target.value)}
            maxLength={300}
            aria-invalid={fields.title ? true : undefined}
            aria-describedby={described("title")}
          />
          {fieldError("title")}
        </label>
        <label className="block text-sm font-medium">
          Byline
          <input
            dir="auto"
            className={`${inputClass} mt-1`}
            value={byline}
            onChange={(e) => setByline(e.target.value)}
            maxLength={200}
            placeholder="e.g. Jane Smith, Political Editor"
            aria-describedby={described("byline")}
          />
          {fieldError("byline")}
        </label>
        <label className="block text-sm font-medium">
          Published
          <input
            type="date"
            className={`${inputClass} mt-1`}
            value={publishedAt}
            onChange={(e) => setPublishedAt(e.target.value)}
            aria-invalid={fields.publishedAt ? true : undefined}
            aria-describedby={described("publishedAt")}
          />
          {fieldError("publishedAt")}
        </label>
        {source !== "url" && (
          <label className="block text-sm font-medium md:col-span-2">
            Source URL
            <input
              type="url"
              className={`${inputClass} mt-1`}
              value={sourceUrl}
              onChange={(e) => setSourceUrl(e.target.value)}
              placeholder="https://"
              aria-invalid={fields.sourceUrl ? true : undefined}
              aria-describedby={described("sourceUrl")}
            />
            {fieldError("sourceUrl")}
          </label>
        )}
      </div>

      <FormError message={error} />
      <div className="flex items-center gap-3">
        <button type="submit" className={buttonClass} disabled={pending}>
          {pending ? "Importing…" : "Import article"}
        </button>
        <Link href="/articles" className="text-sm text-muted hover:text-accent">
          Cancel
        </Link>
        <span className="text-xs text-muted">
          Up to {formatSize(maxBytes)} of text, or a {formatSize(MAX_PDF_BYTES)} PDF.
        </span>
      </div>
    </form>
  );
}
