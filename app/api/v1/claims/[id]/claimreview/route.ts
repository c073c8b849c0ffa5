import { NextResponse } from "next/server";
import { requireApiUser } from "@/lib/auth";
import type { IdContext } from "@/lib/http/params";
import { apiRoute } from "@/lib/http/respond";
import { getClaimReview } from "@/lib/publish/claim-review";
import { originOf, publicBaseUrl } from "@/lib/publish/public-url";

export const dynamic = "force-dynamic";

/** schema.org ClaimReview (JSON-LD) for one verified claim; 404 for any other claim. */
export const GET = apiRoute<IdContext>(async (request, { params }) => {
  const user = await requireApiUser();
  const { id } = await params;
  const review = await getClaimReview({ claimId: id, userId: user.id, baseUrl: publicBaseUrl(originOf(request)) });
  return NextResponse.json(review, { headers: { "content-type": "application/ld+json" } });
});
