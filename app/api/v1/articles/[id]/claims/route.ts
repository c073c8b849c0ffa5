import { createClaim } from "@/lib/claims/create-claim";
import { listClaimSummaries, listClaims } from "@/lib/claims/list-claims";
import { json, route } from "@/lib/http/route";
import { ZCreateClaim } from "@/lib/validation/claims";
import { ZClaimListQuery } from "@/lib/validation/claim-list";
import { ZIdParams } from "@/lib/validation/ids";

export const dynamic = "force-dynamic";

/**
 * `?view=summary`: the compact list the article page draws (no selectors, verdict key and label only). The claim
 * list's filters (status, verdict, assignee, tag, disputed, overdue, reanchor) apply to either view, by the rules
 * the page applies (lib/claims/claim-filter.ts).
 */
export const GET = route({ auth: "user", params: ZIdParams, query: ZClaimListQuery }, async ({ user, params, query }) => {
  const summaries = await listClaimSummaries({ articleId: params.id, userId: user.id, filter: query.filter });
  if (query.view === "summary") return { claims: summaries };
  const kept = new Set(summaries.map((c) => c.id));
  const full = await listClaims({ articleId: params.id, userId: user.id });
  return { claims: full.filter((c) => kept.has(c.id)) };
});

export const POST = route(
  { auth: "user", params: ZIdParams, body: ZCreateClaim.omit({ articleId: true }), idempotent: true },
  async ({ user, params, body }) => json({ claim: await createClaim({ ...body, articleId: params.id, userId: user.id }) }, 201),
);
