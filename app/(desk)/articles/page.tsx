import type { Metadata } from "next";
import Link from "next/link";
import { requireRole, requireUser } from "@/lib/auth";
import { listArticlePage } from "@/lib/articles/article-page";
import { listMembers } from "@/lib/teams/members";
import { listTeamTags } from "@/lib/tags/tags";
import { ZArticleList } from "@/lib/validation/article-list";
import { ArticleTable } from "@/components/articles/ArticleTable";
import { ArticleFilters } from "@/components/articles/ArticleFilters";
import { buttonClass, quietButtonClass } from "@/components/ui/styles";
import { SIGN_OFF_ROLES } from "@/lib/access/roles";

export const metadata: Metadata = { title: "Articles" };

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

/** The URL's view: repeated `status` checkboxes become one comma-separated value; other keys take their first value. */
function viewFromUrl(raw: Record<string, string | string[] | undefined>): Record<string, string> {
  const view: Record<string, string> = {};
  for (const [key, value] of Object.entries(raw)) {
    if (value === undefined || value === "") continue;
    view[key] = key === "status" && Array.isArray(value) ? value.join(",") : Array.isArray(value) ? value[0]! : value;
  }
  return view;
}

export default async function ArticlesPage({ searchParams }: Props) {
  const user = await requireUser();
  if (!user.teamId) {
    return <p className="text-muted">You are not a member of any team yet. Ask an admin to add you.</p>;
  }
  const { teamId } = requireRole(user);
  const query = viewFromUrl(await searchParams);
  const parsed = ZArticleList.safeParse(query);
  const view = parsed.success ? parsed.data : ZArticleList.parse({});
  const [page, members, tags] = await Promise.all([
    listArticlePage({ userId: user.id, teamId, view }).catch(() => null),
    listMembers({ teamId, userId: user.id }),
    listTeamTags({ teamId, userId: user.id }),
  ]);
  const filtered = Object.keys(query).some((key) => key !== "sort" && key !== "cursor");
  const next = page?.nextCursor ? `/articles?${new URLSearchParams({ ...query, cursor: page.nextCursor })}` : null;
  return (
    <div>
      <div className="mb-6 flex items-end justify-between">
        <div>
          <h1 className="text-2xl font-semibold tracking-tight">Articles</h1>
          <p className="text-sm text-muted">{user.teamName}</p>
        </div>
        {user.role && SIGN_OFF_ROLES.includes(user.role) && (
          <Link href="/articles/new" className={buttonClass}>
            New article
          </Link>
        )}
      </div>
      <ArticleFilters view={view} assigneeName={members.find((m) => m.userId === view.assignee)?.name ?? null} tags={tags} />
      {(!parsed.success || !page) && (
        <p role="alert" className="mb-4 text-sm text-red-700">
          {parsed.success ? "That page link is not valid any more; showing the first page." : parsed.error.issues[0]?.message}
        </p>
      )}
      <ArticleTable articles={page?.articles ?? []} filtered={filtered} />
      <nav aria-label="Pages" className="mt-4 flex justify-between text-sm">
        {query.cursor ? (
          <Link
            href={`/articles?${new URLSearchParams(Object.fromEntries(Object.entries(query).filter(([k]) => k !== "cursor")))}`}
            className={quietButtonClass}
          >
            First page
          </Link>
        ) : (
          <span />
        )}
        {next && (
          <Link href={next} className={quietButtonClass} rel="next">
            Next page
          </Link>
        )}
      </nav>
    </div>
  );
}
