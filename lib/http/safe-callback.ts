/** Only same-site paths are allowed after sign-in, so the link cannot send people elsewhere. */
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
