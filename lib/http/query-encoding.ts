// A query string's percent-encoded bytes must spell UTF-8. URLSearchParams (and so every route's zod query) decodes
// bytes that do not as U+FFFD, and so does Next.js before a route handler sees the URL: `GET /api/v1/search?q=%FF`
// searched for "\uFFFD" (stop 27). Pure and import-free: scripts/serve.ts (planRequestTarget) checks every API request
// with it before Next or the fast lane reads the target, and route() (lib/http/query-string.ts) checks again.

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
 * What is wrong with a query string whose percent-encoded bytes are not UTF-8 text (`%FF`, a sequence cut short like
 * `caf%C3`, an overlong form, an encoded surrogate), as a message naming the first such parameter; undefined when
 * there is nothing wrong. Input: the query as sent (with or without its "?"), still percent-encoded. Characters that
 * are not ASCII arrive percent-encoded as UTF-8, so they pass; a `%` not followed by two hex digits is read literally.
 */
export function nonUtf8QueryProblem(query: string): string | undefined {
  const search = query.startsWith("?") ? query.slice(1) : query;
  if (!search.includes("%")) return undefined;
  for (const pair of search.split("&")) {
    const equals = pair.indexOf("=");
    const name = equals === -1 ? pair : pair.slice(0, equals);
    const value = equals === -1 ? "" : pair.slice(equals + 1);
    if (!isUtf8(name)) return "A query parameter's name is not UTF-8 text: percent-encoded bytes must spell UTF-8.";
    if (!isUtf8(value)) {
      const shown = new URLSearchParams(`${name}=`).keys().next().value ?? name;
      return `The query parameter "${shown}" is not UTF-8 text: its percent-encoded bytes must spell UTF-8 (é is %C3%A9, not %E9).`;
    }
  }
  return undefined;
}
