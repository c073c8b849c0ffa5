import { createArticle } from "@/lib/articles/create-article";
import { getArticle } from "@/lib/articles/get-article";
import { MAX_PDF_BYTES } from "@/lib/articles/import/limits";
import { json, route } from "@/lib/http/route";
import { SIGN_OFF_ROLES } from "@/lib/access/roles";
import { ZImportPdfQuery } from "@/lib/validation/articles";

export const dynamic = "force-dynamic";

/** Import a PDF (the request body) into the active team (editors and admins); details come in the query string. */
export const POST = route(
  {
    auth: "user",
    // Checked before the body is read: a viewer is refused without uploading 20 MB first.
    team: SIGN_OFF_ROLES,
    query: ZImportPdfQuery,
    body: { bytes: { maxBytes: MAX_PDF_BYTES, contentTypes: ["application/pdf"] } },
    idempotent: true,
  },
  async ({ user, query, body }) => {
    const { id } = await createArticle({ userId: user.id, teamId: user.teamId, input: { ...query, format: "pdf", bytes: body } });
    return json({ article: await getArticle({ id, userId: user.id }) }, 201);
  },
);
