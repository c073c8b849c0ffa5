const BASE = "http://factdesk.local";

/**
 * Where to send someone after sign-in: the path, query and hash of `raw` when it stays on this site, else
 * "/articles" (also for empty input, other origins, protocol-relative "//host" links and /signin itself, which
 * would loop). The answer is checked as a browser will read it: a path that URL parsing turned into "//host"
 * (from "/.//host", "/a/..//host", "/.\host") would be a link to another site, so it is refused too.
 * Never throws.
 */
export function safeCallbackPath(raw: string | undefined | null): string {
  if (!raw) return "/articles";
  try {
    const url = new URL(raw, BASE);
    if (url.origin !== BASE || url.pathname.startsWith("/signin")) return "/articles";
    const path = `${url.pathname}${url.search}${url.hash}`;
    // Read again, the answer must name this site and the same path: "//evil.example" does not.
    const again = new URL(path, BASE);
    if (again.origin !== BASE || `${again.pathname}${again.search}${again.hash}` !== path) return "/articles";
    return path;
  } catch {
    return "/articles";
  }
}
