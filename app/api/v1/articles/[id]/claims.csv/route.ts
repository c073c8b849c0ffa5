import { requireApiUser } from "@/lib/auth";
import { exportClaimsCsv } from "@/lib/export/claims-csv";
import type { IdContext } from "@/lib/http/params";
import { apiRoute } from "@/lib/http/respond";

export const dynamic = "force-dynamic";

/** One row per claim: status, verdict, explanation, assignees and evidence URLs. */
export const GET = apiRoute<IdContext>(async (_request, { params }) => {
  const user = await requireApiUser();
  const { id } = await params;
  const { filename, csv } = await exportClaimsCsv({ articleId: id, userId: user.id });
  return new Response(csv, {
    headers: { "content-type": "text/csv; charset=utf-8; header=present", "content-disposition": `attachment; filename="${filename}"` },
  });
});
