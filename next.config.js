// Next.js configuration. Server-only packages that load WASM or native code stay external:
// bundling them breaks PGlite's WASM loading and pg-boss's dynamic requires.
/** @type {import('next').NextConfig} */
const nextConfig = {
  serverExternalPackages: [
    "@electric-sql/pglite",
    "pglite-prisma-adapter",
    "pg-boss",
    "pg",
    "@prisma/adapter-pg",
    "@prisma/schema-engine-wasm",
    "tar-stream",
    "busboy",
  ],
  poweredByHeader: false,
  reactStrictMode: true,
  // The custom server (server.ts) owns the database and the worker; pages are rendered per request.
  output: undefined,
};

module.exports = nextConfig;
