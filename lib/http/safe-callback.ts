/**
 * Where to send someone after sign-in: the path, query and hash of `raw` when it stays on this site, else
 * "/articles" (also for empty input, other origins, protocol-relative "//host" links and /signin itself, which
 * would loop). Never throws.
 */
export function safeCallbackPath(raw: string | undefined | null): string {
  if (!raw) return "/articles";
  try {
    const url = new URL(raw, "http://factdesk.local");
    if (url.origin !== "http://factdesk.local" || url.pathname.startsWith("/signin")) return "/articles";
    return `${url.pathname}${url.search}${url.hash}`;
  } catch {
    return "/articles";
  }
}
