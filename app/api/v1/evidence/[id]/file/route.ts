import { evidenceFileHeaders, getEvidenceFile } from "@/lib/evidence/files";
import { route } from "@/lib/http/route";
import { ZIdParams } from "@/lib/validation/ids";

export const GET = route({ auth: "user", params: ZIdParams }, async ({ user, params }) => {
  const file = await getEvidenceFile({ userId: user.id, evidenceId: params.id });
  return new Response(new Uint8Array(file.bytes), { headers: evidenceFileHeaders(file) });
});
