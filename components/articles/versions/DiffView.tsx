import type { VersionDiffDTO } from "@/lib/articles/versions";

/**
 * Changes between two versions, word by word. Added words are underlined on green and marked
 * with +, removed words struck through on red and marked with −, so the change never rests on
 * colour alone; screen readers hear "added" / "removed" before each change.
 */
export function DiffView({ diff }: { diff: VersionDiffDTO }) {
  return (
    <section aria-label={`Changes from version ${diff.from.number} to version ${diff.to.number}`} data-testid="version-diff">
      <p className="mb-3 text-sm text-muted">
        From version {diff.from.number} to version {diff.to.number}:{" "}
        <span className="font-medium text-emerald-800">+{diff.stats.added} words</span>,{" "}
        <span className="font-medium text-red-800">−{diff.stats.removed} words</span>.{" "}
        <span className="whitespace-nowrap">
          <ins className="diff-ins">added</ins> · <del className="diff-del">removed</del>
        </span>
      </p>
      {diff.stats.added + diff.stats.removed === 0 && (
        <p className="mb-3 text-sm">
          The text is the same in both versions{diff.from.title !== diff.to.title ? "; only the title changed" : ""}.
        </p>
      )}
      {diff.from.title !== diff.to.title && (
        <p className="mb-3 font-serif text-lg">
          Title: <del className="diff-del">{diff.from.title}</del> <ins className="diff-ins">{diff.to.title}</ins>
        </p>
      )}
      <div className="whitespace-pre-wrap rounded-lg border border-rule bg-white p-6 font-serif text-[1.05rem] leading-[1.7] text-ink">
        {diff.parts.map((part, i) =>
          // A paragraph break that came or went is shown by the paragraphs around it.
          part.kind === "same" || part.text.trim() === "" ? (
            <span key={i}>{part.text}</span>
          ) : part.kind === "added" ? (
            <ins key={i} className="diff-ins">
              <span className="sr-only">[added: </span>
              {part.text}
              <span className="sr-only">]</span>
            </ins>
          ) : (
            <del key={i} className="diff-del">
              <span className="sr-only">[removed: </span>
              {part.text}
              <span className="sr-only">]</span>
            </del>
          ),
        )}
      </div>
      <style>{`
        .diff-ins { background: #dcfce7; color: #14532d; text-decoration: underline; text-decoration-thickness: 2px; text-underline-offset: 3px; border-radius: 2px; }
        .diff-ins::before { content: "+"; font-family: var(--font-sans); font-size: 0.7em; vertical-align: super; }
        .diff-del { background: #fee2e2; color: #7f1d1d; text-decoration: line-through; text-decoration-thickness: 2px; border-radius: 2px; }
        .diff-del::before { content: "−"; font-family: var(--font-sans); font-size: 0.7em; vertical-align: super; }
      `}</style>
    </section>
  );
}
