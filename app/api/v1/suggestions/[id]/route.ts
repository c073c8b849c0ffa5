import { getSuggestionInfo } from "@/lib/claims/suggested";
import { route } from "@/lib/http/route";
import { ZIdParams } from "@/lib/validation/ids";

export const dynamic = "force-dynamic";

/** What the suggestion card shows: the numbers read from the words, and the desk's earlier verdicts on claims that read alike. */
export const GET = route({ auth: "user", params: ZIdParams }, async ({ user, params }) =>
  getSuggestionInfo({ suggestionId: params.id, userId: user.id }),
);
