import { clientIp } from "@/lib/http/client-ip";
import { json, route } from "@/lib/http/route";
import { requireSameOrigin } from "@/lib/http/same-origin";
import { requestPasswordReset } from "@/lib/onboarding/password-reset";
import { ZRequestPasswordReset } from "@/lib/validation/onboarding";

export const dynamic = "force-dynamic";

/** "Forgot password": the same 202 whether or not the address has an account. */
export const POST = route({ auth: "public", body: ZRequestPasswordReset }, async ({ request, body }) => {
  requireSameOrigin(request);
  await requestPasswordReset({ email: body.email, ip: clientIp(request.headers) });
  return json({ message: "If that address has an account, a reset link is on its way. It works once, for 30 minutes." }, 202);
});
