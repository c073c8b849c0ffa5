import { saveArticleVersion } from "@/lib/articles/save-version";
import { listVersions } from "@/lib/articles/versions";
import { json, route } from "@/lib/http/route";
import { ZIdParams } from "@/lib/validation/ids";
import { ZSaveVersion } from "@/lib/validation/versions";

export const dynamic = "force-dynamic";

export const GET = route({ auth: "user", params: ZIdParams }, async ({ user, params }) => ({
  versions: await listVersions({ articleId: params.id, userId: user.id }),
}));

/** 201 with the re-anchoring summary when a version was stored; 200 `saved: false` when nothing changed. */
export const POST = route(
  { auth: "user", params: ZIdParams, body: ZSaveVersion.omit({ articleId: true }), idempotent: true },
  async ({ user, params, body }) => {
    const result = await saveArticleVersion({ ...body, articleId: params.id, userId: user.id });
    return json({ result }, result.saved ? 201 : 200);
  },
);
