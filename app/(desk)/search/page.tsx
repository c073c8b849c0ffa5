import type { Metadata } from "next";
import { requireRole, requireUser } from "@/lib/auth";
import { searchTeam } from "@/lib/search/search";
import { ZSearch } from "@/lib/validation/search";
import { SearchForm, SearchResults } from "@/components/search/SearchResults";

export const metadata: Metadata = { title: "Search" };

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

const first = (value: string | string[] | undefined) => (Array.isArray(value) ? value[0] : value);

export default async function SearchPage({ searchParams }: Props) {
  const user = await requireUser();
  if (!user.teamId) return <p className="text-muted">You are not a member of any team yet. Ask an admin to add you.</p>;
  const { teamId } = requireRole(user);
  const raw = await searchParams;
  const q = first(raw.q) ?? "";
  const parsed = ZSearch.safeParse({ q, kind: first(raw.kind) || undefined, page: first(raw.page) ?? undefined });
  const kind = parsed.success ? parsed.data.kind : undefined;
  const results = parsed.success ? await searchTeam({ ...parsed.data, userId: user.id, teamId }) : null;
  const pageHref = (page: number) => `/search?${new URLSearchParams({ q, ...(kind ? { kind } : {}), page: String(page) })}`;
  return (
    <div className="mx-auto max-w-4xl">
      <h1 className="mb-1 text-2xl font-semibold tracking-tight">Search</h1>
      <p className="mb-6 text-sm text-muted">Articles, claims, comments and evidence of {user.teamName}.</p>
      <SearchForm q={q} kind={kind} />
      {!q.trim() ? null : !parsed.success ? (
        <p role="alert" className="text-sm text-red-700">
          {parsed.error.issues[0]?.message ?? "That search cannot be run."}
        </p>
      ) : results && results.hits.length === 0 ? (
        <div className="rounded-lg border border-dashed border-rule bg-white p-10 text-center text-muted" data-testid="search-empty">
          {results.page > 1 ? "No more results." : `Nothing matches “${q}”.`}
        </div>
      ) : (
        results && (
          <SearchResults
            hits={results.hits}
            page={results.page}
            hasMore={results.hasMore}
            total={results.total}
            totalIsLowerBound={results.totalIsLowerBound}
            pageHref={pageHref}
          />
        )
      )}
    </div>
  );
}
