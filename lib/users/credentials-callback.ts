import { NextRequest, NextResponse } from "next/server";
import { AppError, notFound } from "@/lib/http/errors";
import { clientIp } from "@/lib/http/client-ip";
import { errorResponse, noStoreByDefault } from "@/lib/http/respond";
import { releaseLoginAttempt, reserveLoginAttempt } from "@/lib/users/login-attempts";
import { runWithReservedSignIn, type ReservedSignIn } from "@/lib/users/reserved-sign-in";
import { readSignInForm } from "@/lib/users/sign-in-form";
import { ZSignIn } from "@/lib/validation/auth";
import { parseInput } from "@/lib/validation/parse";

/** next-auth's handler for one request (the route's context already bound). */
export type NextAuthPost = (request: NextRequest) => Promise<Response>;

/**
 * POST /api/auth/…: every sign-in passes the limits here before next-auth sees it.
 * `segments` is the catch-all path after /api/auth/. Only `callback/credentials` signs in
 * (next-auth would also take `callback/credentials/anything`: refused, 404). For it, the body is
 * read once, strictly (lib/users/sign-in-form.ts; 400 for a query string, another content type
 * or a repeated field, 422 without a valid email and password), the attempt is counted before
 * any password is checked (429 with Retry-After and "Try again in N minutes" when locked), and
 * next-auth gets a new request holding exactly the fields that were read; authorize() finds the
 * reservation in the request's async context (lib/users/reserved-sign-in.ts). An attempt that
 * never reached a password check (a stale CSRF token) is taken back. Other POSTs (sign-out,
 * session update) go to next-auth unchanged. Errors answer `{ error: { code, message } }`.
 */
export async function handleAuthPost(request: Request, segments: readonly string[], nextAuth: NextAuthPost): Promise<Response> {
  if (segments[0] !== "callback") return nextAuth(request instanceof NextRequest ? request : new NextRequest(request));
  try {
    if (segments.length !== 2 || segments[1] !== "credentials") throw notFound("That sign-in method");
    const url = new URL(request.url);
    if (url.search !== "") throw new AppError("bad_request", "Send the sign-in form in the body, with nothing in the query string.");
    const fields = await readSignInForm(request);
    const { email, password, code } = parseInput(ZSignIn, {
      email: fields.email ?? "",
      password: fields.password ?? "",
      code: fields.code,
    });
    const reservation = await reserveLoginAttempt({ email, ip: clientIp(request.headers) });
    if (reservation.locked) {
      const signinUrl = new URL("/signin", url);
      signinUrl.searchParams.set("error", "TooManyAttempts");
      return NextResponse.json(
        { url: signinUrl.toString(), error: { code: "too_many_requests", message: reservation.message } },
        { status: 429, headers: { "Retry-After": String(reservation.retryAfterSeconds), "Cache-Control": "no-store" } },
      );
    }
    const signIn: ReservedSignIn = { attemptId: reservation.attemptId, email, password, code, checked: false };
    const forwarded = new NextRequest(url, {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded" },
      body: new URLSearchParams(fields).toString(),
    });
    try {
      // The answer sets the session cookie: no cache keeps it.
      return noStoreByDefault(await runWithReservedSignIn(signIn, () => nextAuth(forwarded)));
    } finally {
      if (!signIn.checked) await releaseLoginAttempt(signIn.attemptId);
    }
  } catch (err) {
    return errorResponse(err, { "Cache-Control": "no-store" });
  }
}
