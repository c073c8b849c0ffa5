import { getAnchorReview, resolveAnchor } from "@/lib/claims/anchor";
import { route } from "@/lib/http/route";
import { ZIdParams } from "@/lib/validation/ids";
import { ZResolveAnchor } from "@/lib/validation/versions";

export const dynamic = "force-dynamic";

/** Where a claim that is not attached might belong: its old words and the candidates in the current text. */
export const GET = route({ auth: "user", params: ZIdParams }, async ({ user, params }) => ({
  review: await getAnchorReview({ claimId: params.id, userId: user.id }),
}));

/** `{ "version": 4, "action": { "kind": "candidate", "index": 0 } | { "kind": "span", "start", "end", "exact" } | { "kind": "orphan" } | { "kind": "restore" } }` */
export const POST = route(
  { auth: "user", params: ZIdParams, body: ZResolveAnchor.omit({ claimId: true }) },
  async ({ user, params, body }) => ({
    claim: await resolveAnchor({ ...body, claimId: params.id, userId: user.id }),
  }),
);
