import { SIGN_OFF_ROLES } from "@/lib/access/roles";
import { route } from "@/lib/http/route";
import { deleteTag, updateTag } from "@/lib/tags/tags";
import { ZIdParams } from "@/lib/validation/ids";
import { ZUpdateTagBody } from "@/lib/validation/tags";

export const dynamic = "force-dynamic";

/** Editors rename or recolour a tag: `{ "name": "Economy", "color": "sky" }` (either). */
export const PATCH = route(
  { auth: "user", team: SIGN_OFF_ROLES, params: ZIdParams, body: ZUpdateTagBody },
  async ({ user, params, body }) => ({ tag: await updateTag({ ...body, tagId: params.id, userId: user.id }) }),
);

/** Editors delete a tag: it comes off every article and claim. */
export const DELETE = route({ auth: "user", team: SIGN_OFF_ROLES, params: ZIdParams }, async ({ user, params }) => {
  await deleteTag({ tagId: params.id, userId: user.id });
  return { deleted: true };
});
