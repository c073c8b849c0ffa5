import ipaddr from "ipaddr.js";
import { bareAddress } from "@/lib/http/forwarded-for";

type HeaderBag = Headers | Record<string, string | string[] | undefined>;

function header(headers: HeaderBag, name: string): string | undefined {
  if (headers instanceof Headers) return headers.get(name) ?? undefined;
  const value = headers[name];
  return Array.isArray(value) ? value.join(",") : value;
}

/**
 * The client's address as the sign-in limits count it. scripts/serve.ts, in front of Next.js,
 * puts the one address it decided on (the socket's, or per TRUSTED_PROXIES) into
 * X-Forwarded-For, replacing what the client sent. Input: the request's headers. Output: an
 * IPv4 address, or an IPv6 /64 written as "2001:db8:1:2::/64" (one subscriber usually holds a
 * whole /64, so counting single IPv6 addresses would give each a near-endless supply), or
 * "unknown". Without serve.ts in front (plain `next start`) the header is the client's own
 * and cannot be trusted: see README, "Configuration".
 */
export function clientIp(headers: HeaderBag): string {
  const hops = header(headers, "x-forwarded-for")?.split(",") ?? [];
  const address = bareAddress(hops[hops.length - 1] ?? "");
  if (address === null) return "unknown";
  const parsed = ipaddr.parse(address);
  if (parsed.kind() === "ipv4") return parsed.toString();
  const prefix = (parsed as ipaddr.IPv6).parts.slice(0, 4).map((part) => part.toString(16));
  return `${prefix.join(":")}::/64`;
}
