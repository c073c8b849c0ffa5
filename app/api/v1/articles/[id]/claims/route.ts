import { createClaim } from "@/lib/claims/create-claim";
import { listClaimPage, listClaimSummaryPage } from "@/lib/claims/claim-pages";
import { json, route } from "@/lib/http/route";
import { ZCreateClaim } from "@/lib/validation/claims";
import { ZClaimListQuery } from "@/lib/validation/claim-list";
import { ZIdParams } from "@/lib/validation/ids";

export const dynamic = "force-dynamic";

/**
 * One page of the article's claims in text order: `limit` (default 200, at most 2000) from `cursor` (the previous
 * page's `nextCursor`, which is null on the last page). `?view=summary`: the compact list the article page draws (no
 * selectors, verdict key and label only). The claim list's filters (status, verdict, assignee, tag, disputed,
 * overdue, reanchor) apply to either view, by the rules the page applies (lib/claims/claim-filter.ts).
 */
export const GET = route({ auth: "user", params: ZIdParams, query: ZClaimListQuery }, async ({ user, params, query }) => {
  const page = { articleId: params.id, userId: user.id, filter: query.filter, cursor: query.cursor, limit: query.limit };
  // Either view is one SQL statement (lib/claims/claim-pages.ts).
  return query.view === "summary" ? listClaimSummaryPage(page) : listClaimPage(page);
});

export const POST = route(
  { auth: "user", params: ZIdParams, body: ZCreateClaim.omit({ articleId: true }), idempotent: true },
  async ({ user, params, body }) => json({ claim: await createClaim({ ...body, articleId: params.id, userId: user.id }) }, 201),
);
