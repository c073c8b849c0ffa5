import { SIGN_OFF_ROLES } from "@/lib/access/roles";
import { route } from "@/lib/http/route";
import { mergeTags } from "@/lib/tags/tags";
import { ZIdParams } from "@/lib/validation/ids";
import { ZMergeTag } from "@/lib/validation/tags";

export const dynamic = "force-dynamic";

/** Editors merge this tag into another: `{ "into": "<tag id>" }`; its articles and claims get that tag. */
export const POST = route(
  { auth: "user", team: SIGN_OFF_ROLES, params: ZIdParams, body: ZMergeTag.omit({ tagId: true }) },
  async ({ user, params, body }) => ({ tag: await mergeTags({ into: body.into, tagId: params.id, userId: user.id }) }),
);
