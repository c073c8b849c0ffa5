import { getVersion } from "@/lib/articles/versions";
import { route } from "@/lib/http/route";
import { ZVersionRef } from "@/lib/validation/versions";

export const dynamic = "force-dynamic";

const ZParams = ZVersionRef.omit({ articleId: true }).extend({ id: ZVersionRef.shape.articleId });

export const GET = route({ auth: "user", params: ZParams }, async ({ user, params }) => ({
  version: await getVersion({ articleId: params.id, number: params.number, userId: user.id }),
}));
