import { addComment } from "@/lib/claims/comments";
import { json, route } from "@/lib/http/route";
import { ZAddComment } from "@/lib/validation/claims";
import { ZIdParams } from "@/lib/validation/ids";

export const POST = route(
  { auth: "user", params: ZIdParams, body: ZAddComment.omit({ claimId: true }), idempotent: true },
  async ({ user, params, body }) => json({ comment: await addComment({ ...body, claimId: params.id, userId: user.id }) }, 201),
);
