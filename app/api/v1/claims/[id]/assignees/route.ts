import { assignReviewers } from "@/lib/claims/assignments";
import { route } from "@/lib/http/route";
import { ZIdParams } from "@/lib/validation/ids";
import { ZAssignReviewers } from "@/lib/validation/team";

export const PUT = route(
  { auth: "user", params: ZIdParams, body: ZAssignReviewers.omit({ claimId: true }) },
  async ({ user, params, body }) => ({
    assignees: await assignReviewers({ ...body, claimId: params.id, userId: user.id }),
  }),
);
