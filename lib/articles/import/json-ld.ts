// schema.org metadata that news sites embed as JSON-LD (<script type="application/ld+json">): the most
// reliable place for an article's byline, standfirst and date, since it is written for search engines.
// Read as data only (JSON.parse); nothing in it runs, and only strings and dates come out.
import { firstCharacters } from "@/lib/validation/fields";

export type JsonLdArticle = { headline: string | null; description: string | null; author: string | null; datePublished: Date | null };

const SCRIPT = /<script\b[^>]*\btype\s*=\s*["']?application\/ld\+json["']?[^>]*>([\s\S]*?)<\/script\s*>/gi;
const ARTICLE_TYPES =
  /^(Article|NewsArticle|ReportageNewsArticle|AnalysisNewsArticle|OpinionNewsArticle|BackgroundNewsArticle|BlogPosting|Report|ScholarlyArticle)$/;
/** At most this many JSON-LD blocks, and this many characters in each, are read. */
const MAX_BLOCKS = 20;
const MAX_BLOCK_CHARS = 200_000;

const clean = (value: unknown): string | null => {
  if (typeof value !== "string") return null;
  const text = value.replace(/\s+/g, " ").trim();
  return text === "" ? null : firstCharacters(text, 1000);
};

function names(author: unknown): string | null {
  const list = Array.isArray(author) ? author : [author];
  const found = list
    .map((a) => (typeof a === "string" ? clean(a) : a && typeof a === "object" ? clean((a as Record<string, unknown>).name) : null))
    .filter((name): name is string => name !== null);
  return found.length ? firstCharacters(found.join(", "), 200) : null;
}

function isArticle(node: Record<string, unknown>): boolean {
  const type = node["@type"];
  return (Array.isArray(type) ? type : [type]).some((t) => typeof t === "string" && ARTICLE_TYPES.test(t));
}

/** Every object in a JSON-LD value: top level, arrays and @graph, one level deep. */
function nodes(value: unknown): Record<string, unknown>[] {
  const out: Record<string, unknown>[] = [];
  for (const item of Array.isArray(value) ? value : [value]) {
    if (!item || typeof item !== "object") continue;
    const node = item as Record<string, unknown>;
    out.push(node);
    if (Array.isArray(node["@graph"]))
      for (const inner of node["@graph"]) if (inner && typeof inner === "object") out.push(inner as Record<string, unknown>);
  }
  return out;
}

/**
 * The first schema.org Article (or NewsArticle, BlogPosting, …) described in the page's JSON-LD blocks: its
 * headline, description (the standfirst), author names joined with ", " and datePublished; null when the page
 * has none. Malformed JSON is skipped. Pure; never throws.
 */
export function jsonLdArticle(html: string): JsonLdArticle | null {
  let seen = 0;
  for (const match of html.matchAll(SCRIPT)) {
    if (++seen > MAX_BLOCKS) break;
    const source = match[1]!;
    if (source.length > MAX_BLOCK_CHARS) continue;
    let parsed: unknown;
    try {
      parsed = JSON.parse(source);
    } catch {
      continue;
    }
    const article = nodes(parsed).find(isArticle);
    if (!article) continue;
    const date = typeof article.datePublished === "string" ? new Date(article.datePublished) : null;
    return {
      headline: clean(article.headline),
      description: clean(article.description),
      author: names(article.author),
      datePublished: date && !Number.isNaN(date.getTime()) ? date : null,
    };
  }
  return null;
}
