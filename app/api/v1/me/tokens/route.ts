import { createApiToken } from "@/lib/api-tokens/create-token";
import { listApiTokens } from "@/lib/api-tokens/list-tokens";
import { json, route } from "@/lib/http/route";
import { ZCreateApiToken } from "@/lib/validation/api-tokens";

export const dynamic = "force-dynamic";

// Session only: a token cannot list or mint tokens.
export const GET = route({ auth: "session" }, async ({ user }) => ({ tokens: await listApiTokens({ userId: user.id }) }));

/** The answer carries the secret; it is never shown again. */
export const POST = route({ auth: "session", body: ZCreateApiToken }, async ({ user, body }) => {
  const created = await createApiToken({ userId: user.id, teamId: user.teamId, input: body });
  return json(created, 201, { "Cache-Control": "no-store" });
});
