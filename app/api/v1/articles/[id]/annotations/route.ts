import { z } from "zod";
import { NextResponse } from "next/server";
import { exportAnnotations } from "@/lib/annotations/export-annotations";
import { importAnnotations, parseAnnotationUpload } from "@/lib/annotations/import-annotations";
import { ANNOTATIONS_CONTENT_TYPE, MAX_IMPORT_BYTES } from "@/lib/annotations/w3c";
import { json, route } from "@/lib/http/route";
import { originOf, publicBaseUrl } from "@/lib/publish/public-url";
import { ZIdParams } from "@/lib/validation/ids";

export const dynamic = "force-dynamic";

/** W3C Web Annotation export of the article's claims, comments, verdicts and evidence. */
export const GET = route(
  { auth: "user", params: ZIdParams, query: z.object({ download: z.string().max(100).optional() }) },
  async ({ request, user, params, query }) => {
    const collection = await exportAnnotations({ articleId: params.id, userId: user.id, baseUrl: publicBaseUrl(originOf(request)) });
    return NextResponse.json(collection, {
      headers: {
        "content-type": ANNOTATIONS_CONTENT_TYPE,
        ...(query.download !== undefined ? { "content-disposition": `attachment; filename="annotations-${params.id}.jsonld"` } : {}),
      },
    });
  },
);

/**
 * Imports such a document (from this or any article, any team) into the article. The body is
 * counted while it is read, so a chunked upload (no Content-Length) cannot get past the cap.
 */
export const POST = route(
  {
    auth: "user",
    params: ZIdParams,
    body: { text: { maxBytes: MAX_IMPORT_BYTES, contentTypes: ["application/ld+json", "application/json"] } },
    idempotent: true,
  },
  async ({ user, params, body }) => {
    const document = parseAnnotationUpload(body);
    return json({ imported: await importAnnotations({ userId: user.id, articleId: params.id, document }) }, 201);
  },
);
