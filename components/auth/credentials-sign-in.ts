import { getCsrfToken } from "next-auth/react";

type CallbackAnswer = { url?: string; error?: { message?: string } };

/** What next-auth's credentials callback answered: signed in, or why not. */
export type CredentialsSignIn = { ok: true } | { ok: false; status: number; refusal: string | null; message: string | null };

/**
 * Signs in through next-auth's own credentials callback (`/api/auth/callback/credentials`, with its CSRF
 * token), the same request the sign-in form makes. The session cookie is set by next-auth's answer.
 * Input: email, password, optional two-factor `code`, and the path next-auth should treat as the callback.
 * Output: `{ ok: true }`, or the HTTP status, next-auth's `error` refusal (e.g. the two-factor codes of
 * lib/two-factor/sign-in-errors) and any message the server gave. Throws only when the network fails.
 */
export async function signInWithCredentials(input: {
  email: string;
  password: string;
  code?: string;
  callbackPath: string;
}): Promise<CredentialsSignIn> {
  const csrfToken = (await getCsrfToken()) ?? "";
  const response = await fetch("/api/auth/callback/credentials", {
    method: "POST",
    headers: { "Content-Type": "application/x-www-form-urlencoded" },
    body: new URLSearchParams({
      email: input.email,
      password: input.password,
      ...(input.code !== undefined ? { code: input.code } : {}),
      csrfToken,
      callbackUrl: input.callbackPath,
      json: "true",
    }),
  });
  const answer = (await response.json().catch(() => ({}))) as CallbackAnswer;
  const refusal = answer.url ? new URL(answer.url).searchParams.get("error") : null;
  if (response.ok && answer.url && !refusal) return { ok: true };
  return { ok: false, status: response.status, refusal, message: answer.error?.message ?? null };
}
