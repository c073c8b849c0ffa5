import { NextResponse } from "next/server";
import { route } from "@/lib/http/route";
import { getArticleClaimReviews } from "@/lib/publish/claim-review";
import { originOf, publicBaseUrl } from "@/lib/publish/public-url";
import { ZIdParams } from "@/lib/validation/ids";

export const dynamic = "force-dynamic";

/** schema.org ClaimReview for every verified claim of the article, as one JSON-LD @graph. */
export const GET = route({ auth: "user", params: ZIdParams }, async ({ request, user, params }) => {
  const graph = await getArticleClaimReviews({ articleId: params.id, userId: user.id, baseUrl: publicBaseUrl(originOf(request)) });
  return NextResponse.json(graph, { headers: { "content-type": "application/ld+json" } });
});
