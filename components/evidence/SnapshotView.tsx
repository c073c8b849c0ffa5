import type { EvidenceArchiveDTO } from "@/lib/evidence/get-archive";
import { When } from "@/components/ui/When";
import { sectionTitleClass } from "@/components/ui/styles";

/**
 * The archived text of a source, what a later check found, and what changed. Everything fetched is shown as
 * text (React escapes it): markup in a page is never rendered.
 */
export function SnapshotView({ archive }: { archive: EvidenceArchiveDTO }) {
  const { archive: snapshot, check, diff } = archive;
  return (
    <article className="space-y-4" data-testid="evidence-snapshot">
      <header>
        <h1 className="font-serif text-2xl break-words text-ink" dir="auto">
          {archive.title}
        </h1>
        <p className="text-sm break-all text-muted">{archive.url}</p>
      </header>
      {archive.sourceFlag === "changed" && (
        <p className="rounded-md bg-amber-50 px-3 py-2 text-sm text-amber-900" role="note">
          The source changed since it was archived (checked {check ? <When iso={check.fetchedAt} /> : "recently"}).
        </p>
      )}
      {archive.sourceFlag === "gone" && (
        <p className="rounded-md bg-red-50 px-3 py-2 text-sm text-red-900" role="note">
          The source is gone: {check?.error ?? "it could not be fetched"} (checked {check ? <When iso={check.fetchedAt} /> : "recently"}).
          The archived text below is what it said.
        </p>
      )}
      {!snapshot ? (
        <p className="text-sm text-muted">{archive.archiveError ? `Not archived yet: ${archive.archiveError}` : "Not archived yet."}</p>
      ) : (
        <>
          <dl className="grid grid-cols-[auto_1fr] gap-x-3 gap-y-1 text-sm">
            <dt className="text-muted">Archived</dt>
            <dd>
              <When iso={snapshot.fetchedAt} />
            </dd>
            <dt className="text-muted">HTTP status</dt>
            <dd>{snapshot.status ?? "none"}</dd>
            <dt className="text-muted">Final address</dt>
            <dd className="break-all">{snapshot.finalUrl ?? snapshot.url}</dd>
            <dt className="text-muted">Type</dt>
            <dd>{snapshot.contentType || "unknown"}</dd>
            <dt className="text-muted">SHA-256</dt>
            <dd className="font-mono text-xs break-all">{snapshot.sha256}</dd>
            {archive.excerpt && (
              <>
                <dt className="text-muted">Excerpt</dt>
                <dd data-testid="excerpt-found">
                  {archive.excerptFound === true
                    ? "found in the archived text"
                    : archive.excerptFound === false
                      ? "not found in the archived text"
                      : "not checked (no text archived)"}
                </dd>
              </>
            )}
          </dl>
          {diff && (
            <section aria-label="What changed since the archive">
              <h2 className={sectionTitleClass}>
                What changed: <span className="text-emerald-800">+{diff.stats.added} words</span>,{" "}
                <span className="text-red-800">−{diff.stats.removed} words</span>
              </h2>
              <div
                className="rounded-lg border border-rule bg-white p-4 font-serif text-[1.05rem] leading-[1.7] whitespace-pre-wrap text-ink"
                data-testid="source-diff"
                dir="auto"
              >
                {diff.parts.map((part, i) =>
                  part.kind === "same" || part.text.trim() === "" ? (
                    <span key={i}>{part.text}</span>
                  ) : part.kind === "added" ? (
                    <ins key={i} className="bg-emerald-100 text-emerald-900 underline decoration-2">
                      <span className="sr-only">[added: </span>
                      {part.text}
                      <span className="sr-only">]</span>
                    </ins>
                  ) : (
                    <del key={i} className="bg-red-100 text-red-900">
                      <span className="sr-only">[removed: </span>
                      {part.text}
                      <span className="sr-only">]</span>
                    </del>
                  ),
                )}
              </div>
            </section>
          )}
          <section aria-label="Archived text">
            <h2 className={sectionTitleClass}>Archived text</h2>
            {snapshot.text ? (
              <div
                className="rounded-lg border border-rule bg-white p-4 font-serif text-[1.05rem] leading-[1.7] whitespace-pre-wrap break-words text-ink"
                data-testid="archived-text"
                dir="auto"
              >
                {snapshot.text}
              </div>
            ) : (
              <p className="text-sm text-muted">
                No readable text was archived ({snapshot.contentType || "unknown type"}); the hash above identifies the bytes.
              </p>
            )}
          </section>
        </>
      )}
    </article>
  );
}
