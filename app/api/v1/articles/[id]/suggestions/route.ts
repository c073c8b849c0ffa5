import { listSuggestions } from "@/lib/claims/suggested";
import { route } from "@/lib/http/route";
import { ZIdParams } from "@/lib/validation/ids";

export const dynamic = "force-dynamic";

export const GET = route({ auth: "user", params: ZIdParams }, async ({ user, params }) => ({
  suggestions: await listSuggestions({ articleId: params.id, userId: user.id }),
}));
