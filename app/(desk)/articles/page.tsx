import type { Metadata } from "next";
import Link from "next/link";
import { requireRole, requireUser } from "@/lib/auth";
import { listArticles } from "@/lib/articles/list-articles";
import { ArticleTable } from "@/components/articles/ArticleTable";
import { buttonClass } from "@/components/ui/styles";
import { SIGN_OFF_ROLES } from "@/lib/access/roles";

export const metadata: Metadata = { title: "Articles" };

export default async function ArticlesPage() {
  const user = await requireUser();
  if (!user.teamId) {
    return <p className="text-muted">You are not a member of any team yet. Ask an admin to add you.</p>;
  }
  const articles = await listArticles({ userId: user.id, teamId: requireRole(user).teamId });
  return (
    <div>
      <div className="mb-6 flex items-end justify-between">
        <div>
          <h1 className="text-2xl font-semibold tracking-tight">Articles</h1>
          <p className="text-sm text-muted">
            {user.teamName} · {articles.length} article{articles.length === 1 ? "" : "s"}
          </p>
        </div>
        {user.role && SIGN_OFF_ROLES.includes(user.role) && (
          <Link href="/articles/new" className={buttonClass}>
            New article
          </Link>
        )}
      </div>
      <ArticleTable articles={articles} />
    </div>
  );
}
