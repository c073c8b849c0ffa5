import { revokeApiToken } from "@/lib/api-tokens/revoke-token";
import { route } from "@/lib/http/route";
import { ZIdParams } from "@/lib/validation/ids";

/** Revokes one of your own tokens (session only). Revoking twice is fine. */
export const DELETE = route({ auth: "session", params: ZIdParams }, async ({ user, params }) => ({
  token: await revokeApiToken({ userId: user.id, teamId: user.teamId, tokenId: params.id }),
}));
