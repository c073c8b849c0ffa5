import { z } from "zod";
import { text } from "@/lib/validation/fields";
import { ZId } from "@/lib/validation/ids";
import { TokenScope } from "@/lib/generated/prisma/enums";

export const TOKEN_EXPIRY_CHOICES = ["7d", "30d", "90d", "1y", "never"] as const;
export type TokenExpiry = (typeof TOKEN_EXPIRY_CHOICES)[number];

export const ZCreateApiToken = z.object({
  name: text({
    min: 1,
    max: 80,
    required: "Give the token a name.",
    tooShort: "Give the token a name, e.g. the script that will use it.",
    tooLong: "Keep the name under 80 characters.",
  }),
  // The messages name the values too: an API client sends those, not the form's labels.
  scope: z.enum(TokenScope, { message: 'Choose read or read-write ("read" or "read_write").' }),
  expiresIn: z
    .enum(TOKEN_EXPIRY_CHOICES, { message: 'Choose 7 days, 30 days, 90 days, 1 year or never ("7d", "30d", "90d", "1y" or "never").' })
    .default("90d"),
});
export type TCreateApiToken = z.infer<typeof ZCreateApiToken>;

export const ZApiTokenRef = z.object({ tokenId: ZId });
