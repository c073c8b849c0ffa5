// A query string's percent-encoded bytes must spell UTF-8. URLSearchParams (and so every route's zod query) decodes
// bytes that do not as U+FFFD: `GET /api/v1/search?q=%FF` searched for "\uFFFD" (stop 27). route() calls this for
// every request before it reads the query, so no route sees such a value.
import { AppError } from "@/lib/http/errors";

const utf8 = new TextDecoder("utf-8", { fatal: true });
// A run of percent escapes: the bytes one character (or several) is spelled with. A "%" not followed by two hex
// digits is no escape and is read as itself, as URLSearchParams reads it.
const ESCAPES = /(?:%[0-9A-Fa-f]{2})+/g;

/** Whether every run of percent escapes in `component` decodes as UTF-8 (RFC 3629: no overlong forms, no surrogates). */
function isUtf8(component: string): boolean {
  for (const [run] of component.matchAll(ESCAPES)) {
    const bytes = Uint8Array.from(run.slice(1).split("%"), (hex) => Number.parseInt(hex, 16));
    try {
      utf8.decode(bytes);
    } catch {
      return false;
    }
  }
  return true;
}

/**
 * Refuses a request URL whose query string holds percent-encoded bytes that are not UTF-8 text (`%FF`, a sequence cut
 * short like `caf%C3`, an overlong form, an encoded surrogate). Characters that are not ASCII are percent-encoded as
 * UTF-8 by URL parsing, so those always pass; a `%` not followed by two hex digits is left alone (read literally).
 * Input: the request's URL. Output: nothing.
 * @throws AppError 400 `bad_request` naming the first parameter whose value is not UTF-8 (or saying its name is not).
 */
export function refuseNonUtf8Query(url: string): void {
  const search = new URL(url).search.slice(1);
  if (search === "" || !search.includes("%")) return;
  for (const pair of search.split("&")) {
    const equals = pair.indexOf("=");
    const name = equals === -1 ? pair : pair.slice(0, equals);
    const value = equals === -1 ? "" : pair.slice(equals + 1);
    if (!isUtf8(name)) {
      throw new AppError("bad_request", "A query parameter's name is not UTF-8 text: percent-encoded bytes must spell UTF-8.");
    }
    if (!isUtf8(value)) {
      const shown = new URLSearchParams(`${name}=`).keys().next().value ?? name;
      throw new AppError(
        "bad_request",
        `The query parameter "${shown}" is not UTF-8 text: its percent-encoded bytes must spell UTF-8 (é is %C3%A9, not %E9).`,
      );
    }
  }
}
