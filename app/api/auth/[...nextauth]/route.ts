import NextAuth from "next-auth";
import { NextResponse } from "next/server";
import { authOptions } from "@/lib/auth";
import { clientIp } from "@/lib/http/client-ip";
import { errorResponse } from "@/lib/http/respond";
import { checkLoginLock } from "@/lib/users/login-attempts";

type Context = { params: Promise<{ nextauth: string[] }> };

const handler = NextAuth(authOptions);

export const GET = handler;

export async function POST(request: Request, context: Context): Promise<Response> {
  const { nextauth } = await context.params;
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
  return handler(request, context);
}
