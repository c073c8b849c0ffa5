import { buildOpenApiDocument } from "@/lib/api/openapi";
import { jsonResponse } from "@/lib/http/respond";
import { route } from "@/lib/http/route";

export const dynamic = "force-dynamic";

// Public (see lib/http/public-routes.ts): describes the API, reveals nothing about any team.
// Built once per server process.
let document: ReturnType<typeof buildOpenApiDocument> | undefined;

export const GET = route({ auth: "public" }, async () => {
  document ??= buildOpenApiDocument();
  // jsonResponse, as every JSON GET: route() then tags it (ETag) and answers If-None-Match with 304.
  return jsonResponse(document, 200, { "Cache-Control": "public, max-age=300" });
});
