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
  // Tests are type-checked by `npm run typecheck`; the build checks only what ships.
  typescript: { tsconfigPath: "tsconfig.build.json" },
  poweredByHeader: false,
  reactStrictMode: true,
};

module.exports = nextConfig;
