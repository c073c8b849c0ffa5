import { acceptSuggestion } from "@/lib/claims/suggested";
import { json, route } from "@/lib/http/route";
import { ZIdParams } from "@/lib/validation/ids";

/** 201 with the new claim; 409 when the suggestion is already a claim. */
export const POST = route({ auth: "user", params: ZIdParams, idempotent: true }, async ({ user, params }) =>
  json({ claim: await acceptSuggestion({ suggestionId: params.id, userId: user.id }) }, 201),
);
