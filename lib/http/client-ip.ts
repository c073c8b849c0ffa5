type HeaderBag = Headers | Record<string, string | string[] | undefined>;

function header(headers: HeaderBag, name: string): string | undefined {
  if (headers instanceof Headers) return headers.get(name) ?? undefined;
  const value = headers[name];
  return Array.isArray(value) ? value[0] : value;
}

/**
 * The client's address for rate limiting: the first entry of X-Forwarded-For, else X-Real-IP, else "unknown".
 * Takes a Fetch `Headers` or Node's header record (first value of a repeated header). The headers are trusted
 * as given, and `next start` passes a client-sent X-Forwarded-For through unchanged: this is the real address
 * only when a proxy in front overwrites the header (README, "Put a load balancer in front").
 */
export function clientIp(headers: HeaderBag): string {
  const forwarded = header(headers, "x-forwarded-for");
  const first = forwarded?.split(",")[0]?.trim();
  return first || header(headers, "x-real-ip") || "unknown";
}
