import { acceptSuggestion } from "@/lib/claims/suggested";
import { AppError } from "@/lib/http/errors";
import { json, route } from "@/lib/http/route";
import { ZIdParams } from "@/lib/validation/ids";

export const POST = route({ auth: "user", params: ZIdParams, idempotent: true }, async ({ user, params }) => {
  const claim = await acceptSuggestion({ suggestionId: params.id, userId: user.id });
  if (!claim) throw new AppError("conflict", "This suggestion is already a claim.");
  return json({ claim }, 201);
});
