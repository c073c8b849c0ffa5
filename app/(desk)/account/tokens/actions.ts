"use server";

import { createApiToken } from "@/lib/api-tokens/create-token";
import { revokeApiToken } from "@/lib/api-tokens/revoke-token";
import { runAction } from "@/lib/http/action";
import { parseInput } from "@/lib/validation/parse";
import { ZApiTokenRef, ZCreateApiToken } from "@/lib/validation/api-tokens";

// Server actions never accept API tokens (requireApiUser only looks at them on /api/v1),
// so only a signed-in person manages their own tokens here.

export async function createTokenAction(input: unknown) {
  return runAction((user) => createApiToken({ userId: user.id, teamId: user.teamId, input: parseInput(ZCreateApiToken, input) }));
}

export async function revokeTokenAction(input: unknown) {
  return runAction((user) => revokeApiToken({ userId: user.id, teamId: user.teamId, tokenId: parseInput(ZApiTokenRef, input).tokenId }));
}
