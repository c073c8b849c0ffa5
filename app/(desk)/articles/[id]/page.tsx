import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { requireUser } from "@/lib/auth";
import { getArticle } from "@/lib/articles/get-article";
import { SIGN_OFF_ROLES, WRITE_ROLES } from "@/lib/claims/access";
import { listClaimSummaries } from "@/lib/claims/list-claims";
import { ArticleHeader } from "@/components/articles/ArticleHeader";
import { ArticleWorkspace } from "@/components/claims/ArticleWorkspace";

type Props = { params: Promise<{ id: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { id } = await params;
  const user = await requireUser();
  const article = await getArticle({ id, userId: user.id });
  return { title: article?.title ?? "Article not found" };
}

export default async function ArticlePage({ params }: Props) {
  const { id } = await params;
  const user = await requireUser();
  const article = await getArticle({ id, userId: user.id });
  if (!article) notFound();
  const claims = await listClaimSummaries({ articleId: article.id, userId: user.id });
  return (
    <ArticleWorkspace
      articleId={article.id}
      body={article.body}
      initialClaims={claims}
      me={{ id: user.id, canEdit: WRITE_ROLES.includes(article.myRole), canSignOff: SIGN_OFF_ROLES.includes(article.myRole) }}
      header={<ArticleHeader article={article} />}
    />
  );
}
