import { renderHighlightedHtml } from "@/components/claims/highlight-html";
import { parseBlocks } from "@/lib/articles/blocks";
import type { VersionDTO } from "@/lib/articles/versions";

/**
 * One version's text, read-only, laid out with its structure (headings, nested lists, quotes, tables, lines,
 * captions) by the same renderer as the article page, so a version reads as the article did.
 */
export function VersionText({ version }: { version: VersionDTO }) {
  const html = renderHighlightedHtml(version.body, [], null, [], parseBlocks(version.blocks, version.body));
  return (
    <article aria-label={`Version ${version.number}`} className="rounded-lg border border-rule bg-white p-6" data-testid="version-text">
      <h2 className="mb-4 font-serif text-2xl font-semibold leading-tight" dir="auto">
        {version.title}
      </h2>
      {/* Everything from the article is escaped by renderHighlightedHtml (see highlight-html.test.ts). */}
      <div className="font-serif text-[1.05rem] leading-[1.7] text-ink" dangerouslySetInnerHTML={{ __html: html }} />
    </article>
  );
}
