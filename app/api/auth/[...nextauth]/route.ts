import NextAuth from "next-auth";
import { NextResponse } from "next/server";
import { authOptions } from "@/lib/auth";
import { clientIp } from "@/lib/http/client-ip";
import { errorResponse } from "@/lib/http/respond";
import { route } from "@/lib/http/route";
import { z } from "zod";
import { checkLoginLock } from "@/lib/users/login-attempts";

const handler = NextAuth(authOptions);
const ZParams = z.object({ nextauth: z.array(z.string().max(64)).max(4) });
const forNextAuth = (nextauth: string[]) => ({ params: Promise.resolve({ nextauth }) });

// Public (see lib/http/public-routes.ts): next-auth's own endpoints, protected by its CSRF token.
export const GET = route({ auth: "public", params: ZParams }, async ({ request, params }) => handler(request, forNextAuth(params.nextauth)));

export const POST = route({ auth: "public", params: ZParams }, async ({ request, params }) => {
  const { nextauth } = params;
  if (nextauth.join("/") === "callback/credentials") {
    try {
      const form = await request.clone().formData();
      const email = String(form.get("email") ?? "").trim().toLowerCase();
      const lock = await checkLoginLock(email, clientIp(request.headers));
      if (lock.locked) {
        const url = new URL("/signin", request.url);
        url.searchParams.set("error", "TooManyAttempts");
        return NextResponse.json(
          { url: url.toString(), error: { code: "too_many_requests", message: lock.message } },
          { status: 429, headers: { "Retry-After": String(lock.retryAfterSeconds) } },
        );
      }
    } catch (err) {
      return errorResponse(err);
    }
  }
  return handler(request, forNextAuth(nextauth));
});
