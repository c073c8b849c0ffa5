import { route } from "@/lib/http/route";
import { publishReport, unpublishReport } from "@/lib/publish/publish-report";
import { getArticlePublishing } from "@/lib/publish/report";
import { originOf, publicBaseUrl, reportUrl } from "@/lib/publish/public-url";
import { ZIdParams } from "@/lib/validation/ids";

export const dynamic = "force-dynamic";

/** Members of the article's team: the report's state, and how many verified claims it would show (the article page re-reads it as claims change). */
export const GET = route({ auth: "user", params: ZIdParams }, async ({ user, params }) => ({
  report: await getArticlePublishing({ userId: user.id, articleId: params.id }),
}));

/** Editors and admins: publish the article's public report at /reports/{id}. */
export const PUT = route({ auth: "user", params: ZIdParams }, async ({ request, user, params }) => {
  const report = await publishReport({ userId: user.id, articleId: params.id });
  return { report: { ...report, url: reportUrl(publicBaseUrl(originOf(request)), params.id) } };
});

/** Editors and admins: take it down again (the page answers 404). */
export const DELETE = route({ auth: "user", params: ZIdParams }, async ({ user, params }) => {
  const report = await unpublishReport({ userId: user.id, articleId: params.id });
  return { report: { ...report, url: null } };
});
