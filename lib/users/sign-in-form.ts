import { AppError } from "@/lib/http/errors";
import { readText } from "@/lib/http/respond";

/**
 * The largest sign-in form accepted: a password of 1,024 characters (the most ZSignIn allows)
 * percent-encoded takes up to 12 KiB, plus the email, the CSRF token and the rest.
 */
export const MAX_SIGN_IN_BYTES = 16 * 1024;
const MAX_FIELDS = 16;
const FORM = "application/x-www-form-urlencoded";

const refuse = (message: string) => new AppError("bad_request", message);

/**
 * True for `application/x-www-form-urlencoded`, alone or with `charset=utf-8` (what browsers and
 * next-auth's own client send). Anything else, such as a second media type or a parameter that
 * another parser would read differently (`; x=application/json`), is not a sign-in form.
 */
export function isPlainFormContentType(contentType: string | null): boolean {
  if (contentType === null) return false;
  const [type, ...parameters] = contentType.split(";").map((part) => part.trim().toLowerCase());
  if (type !== FORM) return false;
  return parameters.every((parameter) => /^charset="?utf-8"?$/.test(parameter));
}

/**
 * Reads the credentials callback's body, the one parse that both the sign-in limits and
 * next-auth then use: a URL-encoded form of at most MAX_SIGN_IN_BYTES bytes and MAX_FIELDS
 * fields, each field at most once. Input: the request. Output: field name → value.
 * Throws AppError bad_request (400) for any other content type or a repeated field, and
 * payload_too_large (413) past the size cap.
 */
export async function readSignInForm(request: Request): Promise<Record<string, string>> {
  if (!isPlainFormContentType(request.headers.get("content-type"))) {
    throw refuse(`Send the sign-in form as ${FORM}.`);
  }
  const params = new URLSearchParams(await readText(request, MAX_SIGN_IN_BYTES));
  const fields: Record<string, string> = {};
  let count = 0;
  for (const [name, value] of params) {
    if (Object.hasOwn(fields, name)) throw refuse(`Give "${name}" once in the sign-in form.`);
    if (++count > MAX_FIELDS) throw refuse("The sign-in form has too many fields.");
    fields[name] = value;
  }
  return fields;
}
