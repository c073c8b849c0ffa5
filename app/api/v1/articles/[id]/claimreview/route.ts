import { NextResponse } from "next/server";
import { requireApiUser } from "@/lib/auth";
import type { IdContext } from "@/lib/http/params";
import { apiRoute } from "@/lib/http/respond";
import { getArticleClaimReviews } from "@/lib/publish/claim-review";
import { originOf, publicBaseUrl } from "@/lib/publish/public-url";

export const dynamic = "force-dynamic";

/** schema.org ClaimReview for every verified claim of the article, as one JSON-LD @graph. */
export const GET = apiRoute<IdContext>(async (request, { params }) => {
  const user = await requireApiUser();
  const { id } = await params;
  const graph = await getArticleClaimReviews({ articleId: id, userId: user.id, baseUrl: publicBaseUrl(originOf(request)) });
  return NextResponse.json(graph, { headers: { "content-type": "application/ld+json" } });
});
