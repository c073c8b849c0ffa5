import { diffVersions } from "@/lib/articles/versions";
import { route } from "@/lib/http/route";
import { ZIdParams } from "@/lib/validation/ids";
import { ZDiffVersions } from "@/lib/validation/versions";

export const dynamic = "force-dynamic";

/** `?from=1&to=2`: word-level changes from one version's text to another's. */
export const GET = route(
  { auth: "user", params: ZIdParams, query: ZDiffVersions.omit({ articleId: true }) },
  async ({ user, params, query }) => ({
    diff: await diffVersions({ ...query, articleId: params.id, userId: user.id }),
  }),
);
