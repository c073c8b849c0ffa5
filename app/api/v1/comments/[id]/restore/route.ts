import { restoreComment } from "@/lib/claims/comments";
import { route } from "@/lib/http/route";
import { ZIdParams } from "@/lib/validation/ids";

export const POST = route({ auth: "user", params: ZIdParams }, async ({ user, params }) => ({
  comment: await restoreComment({ commentId: params.id, userId: user.id }),
}));
