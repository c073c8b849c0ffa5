import Link from "next/link";
import { TagChips } from "@/components/tags/TagChips";
import type { ArticleSummary } from "@/lib/articles/article-page";
import { formatDate } from "@/components/articles/format";
import { ProgressBar } from "@/components/claims/ProgressBar";
import { ArticleFlags, assigneeNames } from "@/components/articles/ArticleFlags";

/**
 * The articles list below 1024 px: one card per article (title, source and date, status counts, open claims,
 * assignees, due day), so nothing scrolls sideways on a tablet or phone. ArticleTable shows it from 1024 px up.
 */
export function ArticleCards({ articles }: { articles: ArticleSummary[] }) {
  return (
    <ul className="space-y-3 lg:hidden" aria-label="Articles">
      {articles.map((article) => (
        <li key={article.id} data-testid="article-card" className="rounded-lg border border-rule bg-white p-4">
          <Link href={`/articles/${article.id}`} className="font-medium break-words text-ink hover:text-accent">
            {article.title}
          </Link>
          <p className="mt-0.5 text-xs text-muted">
            {[article.source, formatDate(article.publishedAt)].filter(Boolean).join(" · ") || "—"}
          </p>
          <TagChips tags={article.tags} className="mt-1" />
          <div className="mt-3">
            <ProgressBar counts={article.claimCounts} />
          </div>
          <dl className="mt-2 grid grid-cols-[auto_1fr] gap-x-3 gap-y-0.5 text-xs">
            <dt className="text-muted">Open claims</dt>
            <dd className="tabular-nums" data-testid="open-claims">
              {article.openClaims}
            </dd>
            <dt className="text-muted">Assigned</dt>
            <dd className="break-words">{assigneeNames(article)}</dd>
            <dt className="text-muted">Next due</dt>
            <dd>
              <ArticleFlags article={article} />
            </dd>
          </dl>
        </li>
      ))}
    </ul>
  );
}
