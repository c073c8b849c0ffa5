"use server";

// Server actions never accept API tokens (requireApiUser only looks at them on /api/v1),
// so only a signed-in person manages their own tokens here.
import { createApiToken } from "@/lib/api-tokens/create-token";
import { revokeApiToken } from "@/lib/api-tokens/revoke-token";
import { action } from "@/lib/http/action";
import { ZApiTokenRef, ZCreateApiToken } from "@/lib/validation/api-tokens";

export const createTokenAction = action(ZCreateApiToken, (input, user) => createApiToken({ userId: user.id, teamId: user.teamId, input }));

export const revokeTokenAction = action(ZApiTokenRef, ({ tokenId }, user) =>
  revokeApiToken({ userId: user.id, teamId: user.teamId, tokenId }),
);
