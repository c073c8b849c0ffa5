import { splitParagraphs } from "@/lib/anchoring/normalize";
import { parseBlocks } from "@/lib/articles/blocks";
import type { VersionDTO } from "@/lib/articles/versions";

/** One version's text, read-only, with its headings, list items and quotes. */
export function VersionText({ version }: { version: VersionDTO }) {
  const blocks = parseBlocks(version.blocks, version.body);
  return (
    <article aria-label={`Version ${version.number}`} className="rounded-lg border border-rule bg-white p-6" data-testid="version-text">
      <h2 className="mb-4 font-serif text-2xl font-semibold leading-tight">{version.title}</h2>
      <div className="font-serif text-[1.05rem] leading-[1.7] text-ink">
        {splitParagraphs(version.body).map((p, i) => {
          const kind = blocks?.paragraphs[i]?.kind ?? "p";
          if (kind === "h2")
            return (
              <h3 key={p.start} className="mt-6 mb-2 text-xl font-semibold">
                {p.text}
              </h3>
            );
          if (kind === "h3")
            return (
              <h4 key={p.start} className="mt-4 mb-2 text-lg font-semibold">
                {p.text}
              </h4>
            );
          if (kind === "li")
            return (
              <p key={p.start} className="mb-1 pl-5 -indent-4">
                • {p.text}
              </p>
            );
          if (kind === "quote")
            return (
              <blockquote key={p.start} className="mb-4 border-l-4 border-rule pl-4 italic">
                {p.text}
              </blockquote>
            );
          return (
            <p key={p.start} className="mb-4">
              {p.text}
            </p>
          );
        })}
      </div>
    </article>
  );
}
