import { NextResponse } from "next/server";
import { buildOpenApiDocument } from "@/lib/api/openapi";
import { route } from "@/lib/http/route";

export const dynamic = "force-dynamic";

// Public (see lib/http/public-routes.ts): describes the API, reveals nothing about any team.
// Built once per server process.
let document: ReturnType<typeof buildOpenApiDocument> | undefined;

export const GET = route({ auth: "public" }, async () => {
  document ??= buildOpenApiDocument();
  return NextResponse.json(document, { headers: { "Cache-Control": "public, max-age=300" } });
});
