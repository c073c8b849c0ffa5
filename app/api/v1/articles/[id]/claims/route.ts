import { z } from "zod";
import { createClaim } from "@/lib/claims/create-claim";
import { listClaimSummaries, listClaims } from "@/lib/claims/list-claims";
import { json, route } from "@/lib/http/route";
import { ZCreateClaim } from "@/lib/validation/claims";
import { ZIdParams } from "@/lib/validation/ids";

export const dynamic = "force-dynamic";

/** `?view=summary`: the compact list the article page draws (no selectors, verdict key and label only). */
export const GET = route(
  {
    auth: "user",
    params: ZIdParams,
    query: z.object({ view: z.enum(["full", "summary"], { message: "view is full or summary." }).default("full") }),
  },
  async ({ user, params, query }) => ({
    claims:
      query.view === "summary"
        ? await listClaimSummaries({ articleId: params.id, userId: user.id })
        : await listClaims({ articleId: params.id, userId: user.id }),
  }),
);

export const POST = route(
  { auth: "user", params: ZIdParams, body: ZCreateClaim.omit({ articleId: true }), idempotent: true },
  async ({ user, params, body }) => json({ claim: await createClaim({ ...body, articleId: params.id, userId: user.id }) }, 201),
);
