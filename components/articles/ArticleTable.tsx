import { TagChips } from "@/components/tags/TagChips";
import Link from "next/link";
import type { ArticleSummary } from "@/lib/articles/article-page";
import { formatDate } from "@/components/articles/format";
import { ProgressBar } from "@/components/claims/ProgressBar";
import { ArticleCards } from "@/components/articles/ArticleCards";
import { ArticleFlags, assigneeNames } from "@/components/articles/ArticleFlags";

export function ArticleTable({ articles, filtered = false }: { articles: ArticleSummary[]; filtered?: boolean }) {
  if (articles.length === 0) {
    return (
      <div className="rounded-lg border border-dashed border-rule bg-white p-10 text-center text-muted" data-testid="articles-empty">
        {filtered ? "No articles match these filters." : "No articles yet. Articles your team imports appear here."}
      </div>
    );
  }
  return (
    <>
      <ArticleCards articles={articles} />
      <ArticleRows articles={articles} />
    </>
  );
}

/** From 1024 px up: the table; below, ArticleCards (a table of six columns does not fit a tablet). */
function ArticleRows({ articles }: { articles: ArticleSummary[] }) {
  return (
    <div className="relative hidden overflow-x-auto rounded-lg border border-rule bg-white lg:block">
      <table className="w-full text-left text-sm">
        <thead className="border-b border-rule bg-stone-50 text-xs uppercase tracking-wide text-muted">
          <tr>
            {/* The title keeps room to be read; narrow screens scroll the table sideways instead. */}
            <th scope="col" className="min-w-[14rem] px-4 py-3 font-medium">
              Title
            </th>
            <th scope="col" className="px-4 py-3 font-medium">
              Source
            </th>
            <th scope="col" className="px-4 py-3 font-medium">
              Published
            </th>
            <th scope="col" className="w-72 min-w-[12rem] px-4 py-3 font-medium">
              Progress
            </th>
            <th scope="col" className="px-4 py-3 text-right font-medium">
              Open claims
            </th>
            <th scope="col" className="px-4 py-3 font-medium">
              Assigned
            </th>
            <th scope="col" className="px-4 py-3 font-medium">
              Next due
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
                <TagChips tags={article.tags} className="mt-1" />
              </td>
              <td className="px-4 py-3 text-muted">{article.source ?? "—"}</td>
              <td className="px-4 py-3 whitespace-nowrap text-muted">{formatDate(article.publishedAt) || "—"}</td>
              <td className="px-4 py-3">
                <ProgressBar counts={article.claimCounts} />
              </td>
              <td className="px-4 py-3 text-right tabular-nums" data-testid="open-claims">
                {article.openClaims}
              </td>
              <td className="px-4 py-3 text-xs text-muted">{assigneeNames(article)}</td>
              <td className="min-w-[8.5rem] px-4 py-3">
                <ArticleFlags article={article} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
