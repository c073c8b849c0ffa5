import { NextResponse } from "next/server";
import { requireApiUser } from "@/lib/auth";
import { exportAnnotations } from "@/lib/annotations/export-annotations";
import { importAnnotations, parseAnnotationUpload } from "@/lib/annotations/import-annotations";
import { ANNOTATIONS_CONTENT_TYPE, MAX_IMPORT_BYTES } from "@/lib/annotations/w3c";
import type { IdContext } from "@/lib/http/params";
import { apiRoute, readText } from "@/lib/http/respond";
import { originOf, publicBaseUrl } from "@/lib/publish/public-url";

export const dynamic = "force-dynamic";

/** W3C Web Annotation export of the article's claims, comments, verdicts and evidence. */
export const GET = apiRoute<IdContext>(async (request, { params }) => {
  const user = await requireApiUser();
  const { id } = await params;
  const collection = await exportAnnotations({ articleId: id, userId: user.id, baseUrl: publicBaseUrl(originOf(request)) });
  const download = new URL(request.url).searchParams.has("download");
  return NextResponse.json(collection, {
    headers: {
      "content-type": ANNOTATIONS_CONTENT_TYPE,
      ...(download ? { "content-disposition": `attachment; filename="annotations-${id}.jsonld"` } : {}),
    },
  });
});

/** Imports such a document (from this or any article, any team) into the article. */
export const POST = apiRoute<IdContext>(async (request, { params }) => {
  const user = await requireApiUser();
  const { id } = await params;
  // Counted while reading, so a chunked upload (no Content-Length) cannot get past the cap.
  const document = parseAnnotationUpload(await readText(request, MAX_IMPORT_BYTES));
  return NextResponse.json({ imported: await importAnnotations({ userId: user.id, articleId: id, document }) }, { status: 201 });
});
