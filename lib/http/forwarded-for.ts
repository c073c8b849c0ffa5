// Who the client is, decided where the socket is still visible: scripts/serve.ts runs this on
// every request before Next.js sees it. Route handlers and proxy.ts only see headers, and
// `next start` passes on whatever X-Forwarded-For a client sends (docs in README, "Configuration").
import type { IncomingHttpHeaders } from "node:http";
import { BlockList, isIP } from "node:net";

/** Forwarding headers that only a trusted proxy may set; from anyone else they are dropped. */
const PROXY_HEADERS = ["forwarded", "x-forwarded-host", "x-forwarded-proto", "x-forwarded-port", "x-real-ip"] as const;

/**
 * Parses TRUSTED_PROXIES: IPv4/IPv6 addresses and CIDR ranges (`10.0.0.0/8`, `2001:db8::/32`),
 * separated by commas and/or spaces. Input: the variable's value. Output: the set of trusted
 * proxies, or null when unset or empty (trust no one). Throws an Error naming the first entry
 * that is not an address or range, so a typo stops the server instead of trusting nothing.
 */
export function parseTrustedProxies(value: string | undefined): BlockList | null {
  const entries = (value ?? "").split(/[\s,]+/).filter(Boolean);
  if (entries.length === 0) return null;
  const list = new BlockList();
  for (const entry of entries) {
    const [address, prefix, extra] = entry.split("/");
    const version = isIP(address ?? "");
    const bits = prefix === undefined ? null : /^\d{1,3}$/.test(prefix) ? Number(prefix) : NaN;
    if (version === 0 || extra !== undefined || (bits !== null && !(bits <= (version === 4 ? 32 : 128)))) {
      throw new Error(`TRUSTED_PROXIES: "${entry}" is not an IP address or CIDR range (e.g. 10.0.0.5, 10.0.0.0/8, 2001:db8::/32).`);
    }
    const type = version === 4 ? "ipv4" : "ipv6";
    if (bits === null) list.addAddress(address!, type);
    else list.addSubnet(address!, bits, type);
  }
  return list;
}

/**
 * An address as a proxy or the socket may write it, reduced to the bare address: brackets and a
 * port are dropped and an IPv4-mapped IPv6 address (`::ffff:10.0.0.1`) becomes IPv4.
 * Null when it is not an IP address.
 */
export function bareAddress(raw: string): string | null {
  let value = raw.trim();
  const bracketed = /^\[([^\]]+)\](?::\d+)?$/.exec(value);
  if (bracketed) value = bracketed[1]!;
  else if (/^[\d.]+:\d+$/.test(value)) value = value.slice(0, value.lastIndexOf(":"));
  if (/^::ffff:/i.test(value) && isIP(value.slice(7)) === 4) value = value.slice(7);
  return isIP(value) === 0 ? null : value;
}

const isTrusted = (address: string, trusted: BlockList) => trusted.check(address, isIP(address) === 4 ? "ipv4" : "ipv6");

/**
 * The client's address. Input: the socket's peer address, the X-Forwarded-For header as
 * received, and the trusted proxies. Without trusted proxies, or when the peer is not one,
 * it is the peer and X-Forwarded-For is ignored (anyone can write it). When the peer is a
 * trusted proxy, X-Forwarded-For is read from the right, skipping trusted proxies: the first
 * address that is not one is the client (what a client wrote further left is not believed).
 * An entry that is not an address stops the walk at the nearest trusted proxy.
 * Output: a bare address ("unknown" only if the socket had none).
 */
export function clientAddressOf(peer: string | undefined, forwardedFor: string | string[] | undefined, trusted: BlockList | null): string {
  const socket = bareAddress(peer ?? "");
  if (socket === null) return "unknown";
  if (trusted === null || !isTrusted(socket, trusted)) return socket;
  const hops = (Array.isArray(forwardedFor) ? forwardedFor.join(",") : (forwardedFor ?? "")).split(",").filter((hop) => hop.trim() !== "");
  let client = socket;
  for (let i = hops.length - 1; i >= 0; i--) {
    const hop = bareAddress(hops[i]!);
    if (hop === null) return client;
    client = hop;
    if (!isTrusted(hop, trusted)) return hop;
  }
  return client;
}

/**
 * Rewrites a request's headers before Next.js sees them: X-Forwarded-For becomes the one client
 * address (clientAddressOf), replacing whatever the client sent; the other forwarding headers
 * (Forwarded, X-Forwarded-Host/-Proto/-Port, X-Real-IP) are kept only from a trusted proxy.
 */
export function applyClientAddress(headers: IncomingHttpHeaders, peer: string | undefined, trusted: BlockList | null): void {
  const socket = bareAddress(peer ?? "");
  const fromProxy = trusted !== null && socket !== null && isTrusted(socket, trusted);
  headers["x-forwarded-for"] = clientAddressOf(peer, headers["x-forwarded-for"], trusted);
  if (!fromProxy) for (const name of PROXY_HEADERS) delete headers[name];
}
