// The Content-Security-Policy and HSTS that proxy.ts puts on every response it handles. The
// headers that never change (nosniff, Referrer-Policy, Permissions-Policy, X-Frame-Options) are
// in next.config.js, which reaches static files too.

/** HSTS for two years on this host and its subdomains (no preload: that is the domain owner's call). */
export const STRICT_TRANSPORT_SECURITY = "max-age=63072000; includeSubDomains";

// Random bytes drawn 4 KiB at a time and handed out 16 at a time, each once: one call into the system's CSPRNG per
// 256 nonces instead of one per response (issue #21: it was ~2% of an API read's CPU).
const NONCE_BYTES = 16;
let randomPool = new Uint8Array(0);
let randomAt = 0;

/** A fresh, unguessable nonce for one response (128 random bits from crypto.getRandomValues, base64). */
export function createNonce(): string {
  if (randomAt + NONCE_BYTES > randomPool.length) {
    randomPool = crypto.getRandomValues(new Uint8Array(4096));
    randomAt = 0;
  }
  const bytes = randomPool.subarray(randomAt, (randomAt += NONCE_BYTES));
  return btoa(String.fromCharCode(...bytes));
}

/**
 * The Content-Security-Policy of one response. Input: its nonce, whether Factdesk is served
 * over https (NEXTAUTH_URL), and whether this is `next dev`. Output: the header value.
 * Scripts run only with the nonce (Next.js puts it on its own scripts) or when loaded by one
 * ('strict-dynamic'); no eval outside development. `<style>` elements need the nonce too.
 * style-src-attr 'unsafe-inline' lets `style="…"` attributes through: React writes them into
 * server-rendered HTML (bar widths, chart sizes, positions), and a nonce cannot cover an
 * attribute. What such an attribute could load is still bound by img-src and font-src.
 * Nothing may frame Factdesk (except the verdict cards under /embed, `embeddable`), change its
 * base URL, or post its forms elsewhere.
 */
export function contentSecurityPolicy({
  nonce,
  https,
  dev,
  embeddable = false,
}: {
  nonce: string;
  https: boolean;
  dev: boolean;
  embeddable?: boolean;
}): string {
  const directives = [
    "default-src 'self'",
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${dev ? " 'unsafe-eval'" : ""}`,
    dev ? "style-src 'self' 'unsafe-inline'" : `style-src 'self' 'nonce-${nonce}'`,
    "style-src-attr 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self'",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'self'",
    // Verdict cards (/embed/*) are for other sites to frame; nothing else is.
    embeddable ? "frame-ancestors *" : "frame-ancestors 'none'",
    ...(https ? ["upgrade-insecure-requests"] : []),
  ];
  return directives.join("; ");
}
