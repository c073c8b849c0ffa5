import { dismissSuggestion } from "@/lib/claims/suggested";
import { route } from "@/lib/http/route";
import { ZIdParams } from "@/lib/validation/ids";

export const POST = route({ auth: "user", params: ZIdParams }, async ({ user, params }) =>
  dismissSuggestion({ suggestionId: params.id, userId: user.id }),
);
