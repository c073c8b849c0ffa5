import type { Role } from "@/lib/generated/prisma/enums";
import { SIGN_OFF_ROLES, WRITE_ROLES } from "@/lib/access/roles";
import { getArticlePublishing } from "@/lib/publish/report";
import { ImportAnnotations } from "@/components/publish/ImportAnnotations";
import { PublishControls } from "@/components/publish/PublishControls";
import { linkButtonClass } from "@/components/ui/styles";

/**
 * The article page's publishing strip: export links for every member, import for those who
 * write, publish/unpublish for editors. The routes check the same roles again.
 */
export async function ArticlePublishTools({ articleId, userId, role }: { articleId: string; userId: string; role: Role }) {
  const publishing = await getArticlePublishing({ articleId, userId });
  const api = `/api/v1/articles/${articleId}`;
  return (
    <div
      className="-mt-2 mb-6 flex flex-wrap items-start gap-x-6 gap-y-3 rounded-md border border-rule bg-white/60 px-4 py-3 text-sm"
      data-testid="publish-tools"
    >
      <PublishControls articleId={articleId} canPublish={SIGN_OFF_ROLES.includes(role)} initial={publishing} />
      <div className="flex flex-wrap items-center gap-x-3 gap-y-1" data-testid="export-links">
        <span className="text-xs font-semibold uppercase tracking-wide text-muted">Export</span>
        <a className={linkButtonClass} href={`${api}/annotations?download`} download>
          W3C annotations (JSON-LD)
        </a>
        <a className={linkButtonClass} href={`${api}/claims.csv`} download>
          Claims (CSV)
        </a>
        <a className={linkButtonClass} href={`${api}/claimreview`} target="_blank" rel="noopener">
          ClaimReview
        </a>
      </div>
      {WRITE_ROLES.includes(role) && <ImportAnnotations articleId={articleId} />}
    </div>
  );
}
