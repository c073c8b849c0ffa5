import { NextResponse } from "next/server";
import { buildOpenApiDocument } from "@/lib/api/openapi";
import { apiRoute } from "@/lib/http/respond";

export const dynamic = "force-dynamic";

// Public: describes the API, reveals nothing about any team. Built once per server process.
let document: ReturnType<typeof buildOpenApiDocument> | undefined;

export const GET = apiRoute(async () => {
  document ??= buildOpenApiDocument();
  return NextResponse.json(document, { headers: { "Cache-Control": "public, max-age=300" } });
});
