import Link from "next/link";
import type { ArticleSummary } from "@/lib/articles/list-articles";
import { formatDate } from "@/components/articles/format";
import { ProgressBar } from "@/components/claims/ProgressBar";

export function ArticleTable({ articles }: { articles: ArticleSummary[] }) {
  if (articles.length === 0) {
    return (
      <div className="rounded-lg border border-dashed border-rule bg-white p-10 text-center text-muted">
        No articles yet. Articles your team imports appear here.
      </div>
    );
  }
  return (
    <div className="overflow-hidden rounded-lg border border-rule bg-white">
      <table className="w-full text-left text-sm">
        <thead className="border-b border-rule bg-stone-50 text-xs uppercase tracking-wide text-muted">
          <tr>
            <th scope="col" className="px-4 py-3 font-medium">
              Title
            </th>
            <th scope="col" className="px-4 py-3 font-medium">
              Source
            </th>
            <th scope="col" className="px-4 py-3 font-medium">
              Published
            </th>
            <th scope="col" className="w-72 px-4 py-3 font-medium">
              Progress
            </th>
            <th scope="col" className="px-4 py-3 text-right font-medium">
              Open claims
            </th>
          </tr>
        </thead>
        <tbody>
          {articles.map((article) => (
            <tr key={article.id} className="border-b border-rule last:border-0 hover:bg-stone-50">
              <td className="px-4 py-3">
                <Link href={`/articles/${article.id}`} className="font-medium text-ink hover:text-accent">
                  {article.title}
                </Link>
              </td>
              <td className="px-4 py-3 text-muted">{article.source ?? "—"}</td>
              <td className="px-4 py-3 whitespace-nowrap text-muted">{formatDate(article.publishedAt) || "—"}</td>
              <td className="px-4 py-3">
                <ProgressBar counts={article.claimCounts} />
              </td>
              <td className="px-4 py-3 text-right tabular-nums" data-testid="open-claims">
                {article.openClaims}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
