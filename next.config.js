/** @type {import('next').NextConfig} */
const nextConfig = {
  // Native and WebAssembly packages stay outside the server bundle.
  serverExternalPackages: ["@node-rs/argon2", "pg", "@prisma/adapter-pg", "wink-nlp", "wink-eng-lite-web-model", "linkedom"],
  poweredByHeader: false,
  typedRoutes: false,
};

module.exports = nextConfig;
