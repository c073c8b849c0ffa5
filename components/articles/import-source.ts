// Browser-side helpers for the import form: which format a file is, and a quick preview of
// what the server will find. The preview is only a hint; the server does the real import.
import type { ImportFormat } from "@/lib/articles/import/limits";

export const ACCEPTED_FILES = ".txt,.text,.html,.htm,.md,.markdown,.pdf,application/pdf";

/** What an uploaded file is read as: one of the text formats, or a PDF (sent as it is, read on the server). */
export type FileFormat = ImportFormat | "pdf";

/** The format a file's extension says it is, or null when the form does not take it. */
export function formatOfFile(name: string): FileFormat | null {
  const extension = name.toLowerCase().match(/\.([a-z]+)$/)?.[1] ?? "";
  if (extension === "pdf") return "pdf";
  if (extension === "txt" || extension === "text") return "text";
  if (extension === "html" || extension === "htm") return "html";
  if (extension === "md" || extension === "markdown") return "markdown";
  return null;
}

export const FORMAT_LABEL: Record<FileFormat, string> = { text: "plain text", html: "HTML", markdown: "Markdown", pdf: "PDF" };

export function formatSize(bytes: number): string {
  if (bytes < 1024) return `${bytes} bytes`;
  if (bytes < 1024 * 1024) return `${Math.round(bytes / 1024)} KB`;
  return `${(bytes / 1024 / 1024).toLocaleString("en-GB", { maximumFractionDigits: 1 })} MB`;
}

export type Preview = { title: string | null; paragraphs: number };

const blankLineBlocks = (text: string) => text.split(/\n[^\S\n]*\n/).filter((block) => block.trim() !== "");

/**
 * Title and paragraph count as the import would roughly see them. HTML is parsed with
 * DOMParser, whose documents are inert: no script runs and nothing loads.
 */
export function previewOf(format: ImportFormat, content: string): Preview | null {
  if (content.trim() === "") return null;
  if (format === "text") return { title: null, paragraphs: blankLineBlocks(content).length };
  if (format === "markdown") {
    const blocks = blankLineBlocks(content);
    const heading = blocks[0]?.match(/^#\s+(.+)/)?.[1]?.trim() ?? null;
    const items = blocks.reduce(
      (n, block) => n + Math.max(1, block.split("\n").filter((line) => /^\s*([-*+]|\d+[.)])\s/.test(line)).length),
      0,
    );
    return { title: heading, paragraphs: items - (heading ? 1 : 0) };
  }
  const doc = new DOMParser().parseFromString(content, "text/html");
  const title =
    doc.querySelector('meta[property="og:title"]')?.getAttribute("content")?.trim() ||
    doc.querySelector("title")?.textContent?.trim() ||
    doc.querySelector("h1")?.textContent?.trim() ||
    null;
  const paragraphs = Array.from(doc.body?.querySelectorAll("p, li, h2, h3, h4, blockquote") ?? []).filter(
    (el) => (el.textContent ?? "").trim() !== "",
  ).length;
  return { title, paragraphs };
}
