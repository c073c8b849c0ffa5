import type { ArticleSummary } from "@/lib/articles/article-page";

/** The next due day (marked when overdue) and what needs attention: disputed claims, re-anchoring, a published report. */
export function ArticleFlags({ article, className = "" }: { article: ArticleSummary; className?: string }) {
  return (
    <span className={`text-xs ${article.overdue ? "font-medium text-red-700" : "text-muted"} ${className}`}>
      {article.nextDueAt ? `${article.overdue ? "Overdue: " : "Due "}${article.nextDueAt}` : "—"}
      {article.claimCounts.disputed > 0 && (
        <span className="ml-2 rounded bg-red-50 px-1 text-red-700">{article.claimCounts.disputed} disputed</span>
      )}
      {article.needsReanchor > 0 && (
        <span className="ml-2 rounded bg-amber-50 px-1 text-amber-800">{article.needsReanchor} to re-anchor</span>
      )}
      {article.reportPublished && <span className="ml-2 rounded bg-emerald-50 px-1 text-emerald-800">report published</span>}
    </span>
  );
}

/** Who is assigned to the article's claims, as names ("—" when nobody). */
export const assigneeNames = (article: ArticleSummary) => article.assignees.map((a) => a.name).join(", ") || "—";
