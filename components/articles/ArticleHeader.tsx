import type { ArticleDetail } from "@/lib/articles/get-article";
import { formatDate } from "@/components/articles/format";

export function ArticleHeader({
  article,
}: {
  article: Pick<ArticleDetail, "title" | "standfirst" | "byline" | "source" | "sourceUrl" | "publishedAt"> & { language?: string | null };
}) {
  const lang = article.language ?? undefined;
  const meta = [article.byline, formatDate(article.publishedAt)].filter(Boolean).join(" · ");
  return (
    <header className="mb-8 border-b border-rule pb-6">
      <h1 className="font-serif text-4xl leading-tight font-semibold tracking-tight text-ink" dir="auto" lang={lang}>
        {article.title}
      </h1>
      {article.standfirst && (
        <p className="mt-4 font-serif text-xl leading-snug text-muted" dir="auto" lang={lang}>
          {article.standfirst}
        </p>
      )}
      <p className="mt-4 text-sm text-muted">
        {meta && <span dir="auto">{meta}</span>}
        {article.source && (
          <span>
            {meta ? " · " : ""}Source:{" "}
            {article.sourceUrl ? (
              <a href={article.sourceUrl} rel="noopener noreferrer" target="_blank" className="underline hover:text-accent">
                {article.source}
              </a>
            ) : (
              article.source
            )}
          </span>
        )}
      </p>
    </header>
  );
}
