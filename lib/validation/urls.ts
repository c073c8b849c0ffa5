// URL checks shared by every schema that accepts a link.
// Not URL.canParse: on Node 20.20 it starts answering false for valid non-ASCII URLs once V8
// optimises the call (seen here: about 1 in 2 calls on "https://exämple.com/ü path"), which
// made checks written as "!canParse || isHttp" fail open. `new URL` has always agreed.

/** The WHATWG-parsed URL, or null when `text` is not an absolute URL (relative paths included). Never throws. */
export function parseUrl(text: string): URL | null {
  try {
    return new URL(text);
  } catch {
    return null;
  }
}

/** True only for absolute http: or https: URLs (javascript:, data:, mailto: and relative paths are false). */
export function isHttpUrl(text: string): boolean {
  const url = parseUrl(text);
  return url !== null && (url.protocol === "http:" || url.protocol === "https:");
}
