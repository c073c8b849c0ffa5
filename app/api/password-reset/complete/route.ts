import { json, route } from "@/lib/http/route";
import { requireSameOrigin } from "@/lib/http/same-origin";
import { completePasswordReset } from "@/lib/onboarding/password-reset";
import { ZCompletePasswordReset } from "@/lib/validation/onboarding";

export const dynamic = "force-dynamic";

/** The reset page's form: a new password for the account the link was made for. */
export const POST = route({ auth: "public", body: ZCompletePasswordReset }, async ({ request, body }) => {
  requireSameOrigin(request);
  return json(await completePasswordReset(body), 200);
});
