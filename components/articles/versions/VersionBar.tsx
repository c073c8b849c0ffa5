import Link from "next/link";
import { quietButtonClass } from "@/components/ui/styles";

type Saved = { version: number; moved: number; needsReview: number } | null;

const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

/** Under the article's header: which version this is, its history, and (for editors) editing the text. */
export function VersionBar({
  articleId,
  version,
  canEditText,
  saved,
}: {
  articleId: string;
  version: number;
  canEditText: boolean;
  saved: Saved;
}) {
  return (
    <>
      {saved && (
        <p
          role="status"
          className="mb-4 rounded-md border border-emerald-200 bg-emerald-50 px-3 py-2 text-sm text-emerald-900"
          data-testid="version-saved"
        >
          <strong>Version {saved.version} saved</strong>: {plural(saved.moved, "claim moved", "claims moved")},{" "}
          {saved.needsReview === 0 ? "none need re-anchoring" : `${plural(saved.needsReview, "needs", "need")} re-anchoring`}.
          {saved.needsReview > 0 && " They are listed first in the claims sidebar."}
        </p>
      )}
      <div className="-mt-4 mb-6 flex flex-wrap items-center gap-3 text-sm text-muted">
        <span>Version {version}</span>
        <Link href={`/articles/${articleId}/versions`} className="underline underline-offset-2 hover:text-accent">
          Versions and changes
        </Link>
        {canEditText && (
          <Link href={`/articles/${articleId}/edit`} className={`${quietButtonClass} ml-auto`}>
            Edit text
          </Link>
        )}
      </div>
    </>
  );
}
