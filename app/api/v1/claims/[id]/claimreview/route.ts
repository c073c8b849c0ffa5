import { NextResponse } from "next/server";
import { route } from "@/lib/http/route";
import { getClaimReview } from "@/lib/publish/claim-review";
import { originOf, publicBaseUrl } from "@/lib/publish/public-url";
import { ZIdParams } from "@/lib/validation/ids";

export const dynamic = "force-dynamic";

/** schema.org ClaimReview (JSON-LD) for one verified claim; 404 for any other claim. */
export const GET = route({ auth: "user", params: ZIdParams }, async ({ request, user, params }) => {
  const review = await getClaimReview({ claimId: params.id, userId: user.id, baseUrl: publicBaseUrl(originOf(request)) });
  return NextResponse.json(review, { headers: { "content-type": "application/ld+json" } });
});
