import { parseHTML } from "linkedom";
import { Readability } from "@mozilla/readability";
import { walkDom, type WalkedParagraph } from "./walk";
import { sanitizeArticle, sanitizeForExtraction } from "./sanitize";
import { jsonLdArticle } from "./json-ld";

export type ExtractedHtml = {
  title: string | null;
  byline: string | null;
  publishedAt: Date | null;
  standfirst: string | null;
  paragraphs: WalkedParagraph[];
};

type WalkRoot = Parameters<typeof walkDom>[0];

/**
 * An HTML fragment, strictly sanitised (sanitizeArticle: structure and a[href] only), as the body of an inert
 * linkedom document (no scripts run, nothing loads). Never throws.
 */
export function articleDocument(html: string) {
  return parseHTML(`<!doctype html><html><head></head><body>${sanitizeArticle(html)}</body></html>`).document;
}

/**
 * Walks a DOM element's content (a linkedom node, typed `unknown` because Readability hands it back untyped)
 * into paragraphs of canonical text with links in paragraph offsets; see walkDom.
 */
export function walkElement(element: unknown): WalkedParagraph[] {
  return walkDom(element as WalkRoot);
}

const clean = (text: string | null | undefined): string | null => {
  const value = text?.replace(/\s+/g, " ").trim();
  return value ? value : null;
};

function metaContent(document: ReturnType<typeof parseHTML>["document"], names: string[]): string | null {
  for (const name of names) {
    const value = clean(
      document.querySelector(`meta[name="${name}"]`)?.getAttribute("content") ??
        document.querySelector(`meta[property="${name}"]`)?.getAttribute("content"),
    );
    if (value) return value;
  }
  return null;
}

function parseDate(text: string | null | undefined): Date | null {
  if (!text) return null;
  const date = new Date(text.trim());
  return Number.isNaN(date.getTime()) ? null : date;
}

/**
 * A whole web page (or a fragment): sanitised first, then Readability finds the article and
 * its metadata in the inert linkedom DOM (nothing runs there), then the walker reads the
 * article's text and safe link targets, and nothing else, into paragraphs. When Readability finds nothing,
 * the whole sanitised input is the article. Metadata prefers the page's schema.org Article JSON-LD (jsonLdArticle):
 * byline (else Readability's, else meta author), publication date (else Readability's, else the first
 * time[datetime]), standfirst (else meta description; dropped when it repeats the first paragraph), title
 * (Readability's first); each null when absent.
 * Never throws for any input string.
 */
export function extractHtml(html: string): ExtractedHtml {
  // Read before sanitising, which drops every <script>; JSON-LD is data, parsed as JSON only.
  const ld = jsonLdArticle(html);
  const safe = sanitizeForExtraction(html);
  // A fragment has no <html>; parseHTML wants a document, so wrap when there is none.
  const { document } = parseHTML(/<html[\s>]/i.test(safe) ? safe : `<!doctype html><html><head></head><body>${safe}</body></html>`);
  const standfirst = ld?.description ?? metaContent(document, ["description", "og:description", "twitter:description"]);
  const timeElement = document.querySelector("time[datetime]")?.getAttribute("datetime");
  const author = metaContent(document, ["author", "article:author"]); // read before Readability changes the DOM
  // The serializer hands back Readability's element itself: serialising and re-parsing would
  // go through linkedom's serialiser, which does not escape "&" in attribute values.
  const article = new Readability<unknown>(document as unknown as Document, {
    charThreshold: 0,
    keepClasses: false,
    serializer: (element) => element,
  }).parse();
  const fromReadability = article?.content ? walkElement(article.content) : [];
  // Readability gives up on some short fragments; then the whole (sanitised) input is the article.
  const paragraphs = fromReadability.length > 0 ? fromReadability : walkElement(articleDocument(safe).body);
  return {
    title: clean(article?.title) ?? ld?.headline ?? null,
    byline: ld?.author ?? clean(article?.byline) ?? author,
    publishedAt: ld?.datePublished ?? parseDate(article?.publishedTime) ?? parseDate(timeElement),
    standfirst: standfirst && paragraphs[0]?.text !== standfirst ? standfirst : null,
    paragraphs,
  };
}
