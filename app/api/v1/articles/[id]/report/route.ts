import { NextResponse } from "next/server";
import { requireApiUser } from "@/lib/auth";
import type { IdContext } from "@/lib/http/params";
import { apiRoute } from "@/lib/http/respond";
import { publishReport, unpublishReport } from "@/lib/publish/publish-report";
import { originOf, publicBaseUrl, reportUrl } from "@/lib/publish/public-url";

export const dynamic = "force-dynamic";

/** Editors and admins: publish the article's public report at /reports/{id}. */
export const PUT = apiRoute<IdContext>(async (request, { params }) => {
  const user = await requireApiUser();
  const { id } = await params;
  const report = await publishReport({ userId: user.id, articleId: id });
  return NextResponse.json({ report: { ...report, url: reportUrl(publicBaseUrl(originOf(request)), id) } });
});

/** Editors and admins: take it down again (the page answers 404). */
export const DELETE = apiRoute<IdContext>(async (request, { params }) => {
  const user = await requireApiUser();
  const { id } = await params;
  const report = await unpublishReport({ userId: user.id, articleId: id });
  return NextResponse.json({ report: { ...report, url: null } });
});
