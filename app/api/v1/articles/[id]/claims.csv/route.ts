import { exportClaimsCsv } from "@/lib/export/claims-csv";
import { route } from "@/lib/http/route";
import { ZIdParams } from "@/lib/validation/ids";

export const dynamic = "force-dynamic";

/** One row per claim: status, verdict, explanation, assignees and evidence URLs. */
export const GET = route({ auth: "user", params: ZIdParams }, async ({ user, params }) => {
  const { filename, csv } = await exportClaimsCsv({ articleId: params.id, userId: user.id });
  return new Response(csv, {
    headers: { "content-type": "text/csv; charset=utf-8; header=present", "content-disposition": `attachment; filename="${filename}"` },
  });
});
