import { deleteComment, editComment } from "@/lib/claims/comments";
import { route } from "@/lib/http/route";
import { ZEditComment } from "@/lib/validation/claims";
import { ZIdParams } from "@/lib/validation/ids";

export const PATCH = route(
  { auth: "user", params: ZIdParams, body: ZEditComment.omit({ commentId: true }) },
  async ({ user, params, body }) => ({
    comment: await editComment({ ...body, commentId: params.id, userId: user.id }),
  }),
);

export const DELETE = route({ auth: "user", params: ZIdParams }, async ({ user, params }) => ({
  comment: await deleteComment({ commentId: params.id, userId: user.id }),
}));
