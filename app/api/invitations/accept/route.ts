import { clientIp } from "@/lib/http/client-ip";
import { enforceRateLimit } from "@/lib/api/rate-limit";
import { json, route } from "@/lib/http/route";
import { requireSameOrigin } from "@/lib/http/same-origin";
import { acceptInvitation } from "@/lib/onboarding/invitations";
import { ZAcceptInvitation } from "@/lib/validation/onboarding";

export const dynamic = "force-dynamic";

/** The invitation page's form: join the team (a new account, or an existing one with its password). */
export const POST = route({ auth: "public", body: ZAcceptInvitation }, async ({ request, body }) => {
  requireSameOrigin(request);
  // An existing account's password is checked here: limited like sign-in attempts from one address.
  await enforceRateLimit(`accept-ip:${clientIp(request.headers)}`, 20, "one address");
  return json(await acceptInvitation(body, clientIp(request.headers)), 201);
});
