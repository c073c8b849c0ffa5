import { json, route } from "@/lib/http/route";
import { requireSameOrigin } from "@/lib/http/same-origin";
import { completeSetup } from "@/lib/onboarding/setup-link";
import { ZCompleteSetup } from "@/lib/validation/onboarding";

export const dynamic = "force-dynamic";

/** The setup page's form: the first admin and team, once, with the link `npm start` printed. */
export const POST = route({ auth: "public", body: ZCompleteSetup }, async ({ request, body }) => {
  requireSameOrigin(request);
  return json(await completeSetup(body), 201);
});
