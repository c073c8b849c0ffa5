import type { ArticleSummary } from "@/lib/articles/article-page";

/**
 * The next due day (marked when overdue) and what needs attention: disputed claims, re-anchoring, a published report.
 * Each piece keeps to one line and the pieces wrap, so the table's last column never pushes it sideways at 1024 px.
 */
export function ArticleFlags({ article, className = "" }: { article: ArticleSummary; className?: string }) {
  return (
    <span
      className={`flex flex-wrap gap-x-2 gap-y-0.5 text-xs ${article.overdue ? "font-medium text-red-700" : "text-muted"} ${className}`}
    >
      <span className="whitespace-nowrap">{article.nextDueAt ? `${article.overdue ? "Overdue: " : "Due "}${article.nextDueAt}` : "—"}</span>
      {article.claimCounts.disputed > 0 && (
        <span className="rounded bg-red-50 px-1 whitespace-nowrap text-red-700">{article.claimCounts.disputed} disputed</span>
      )}
      {article.needsReanchor > 0 && (
        <span className="rounded bg-amber-50 px-1 whitespace-nowrap text-amber-800">{article.needsReanchor} to re-anchor</span>
      )}
      {article.reportPublished && <span className="rounded bg-emerald-50 px-1 whitespace-nowrap text-emerald-800">report published</span>}
    </span>
  );
}

/** Who is assigned to the article's claims, as names ("—" when nobody). */
export const assigneeNames = (article: ArticleSummary) => article.assignees.map((a) => a.name).join(", ") || "—";
