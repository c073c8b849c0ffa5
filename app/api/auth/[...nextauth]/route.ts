import NextAuth from "next-auth";
import { authOptions } from "@/lib/auth";
import { route } from "@/lib/http/route";
import { z } from "zod";
import { handleAuthPost } from "@/lib/users/credentials-callback";

const handler = NextAuth(authOptions);
const ZParams = z.object({ nextauth: z.array(z.string().max(64)).max(4) });
const forNextAuth = (nextauth: string[]) => ({ params: Promise.resolve({ nextauth }) });

// Public (see lib/http/public-routes.ts): next-auth's own endpoints, protected by its CSRF token.
export const GET = route({ auth: "public", params: ZParams }, async ({ request, params }) =>
  handler(request, forNextAuth(params.nextauth)),
);

// Sign-ins are read strictly and counted before next-auth runs (lib/users/credentials-callback.ts).
export const POST = route({ auth: "public", params: ZParams }, async ({ request, params }) =>
  handleAuthPost(request, params.nextauth, (forwarded) => handler(forwarded, forNextAuth(params.nextauth))),
);
