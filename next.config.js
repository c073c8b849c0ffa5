/** @type {import('next').NextConfig} */
const nextConfig = {
  // Native and WebAssembly packages stay outside the server bundle.
  serverExternalPackages: ["@node-rs/argon2", "pg", "@prisma/adapter-pg", "wink-nlp", "wink-eng-lite-web-model", "linkedom"],
  poweredByHeader: false,
  typedRoutes: false,
  // Verdict cards are made to be embedded in newsrooms' pages (oEmbed); nothing else is framed.
  async headers() {
    return [
      { source: "/embed/:path*", headers: [{ key: "Content-Security-Policy", value: "frame-ancestors *" }] },
      { source: "/((?!embed/).*)", headers: [{ key: "Content-Security-Policy", value: "frame-ancestors 'self'" }] },
    ];
  },
  experimental: {
    // The version editor saves the article's Markdown through a server action. Import allows
    // 2 MB of text (lib/articles/import/limits.ts), which Next's default 1 MB action limit
    // cut off with a bare network error instead of the importer's own "too long" message.
    serverActions: { bodySizeLimit: "3mb" },
  },
};

module.exports = nextConfig;
