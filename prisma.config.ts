// Prisma 7 CLI configuration. Only `prisma generate` runs here (offline, see scripts/prisma-generate.mjs);
// migrations are applied by lib/db/migrate.ts through Prisma's WASM schema engine.
import { defineConfig } from "prisma/config";

export default defineConfig({
  schema: "prisma/schema.prisma",
  migrations: { path: "prisma/migrations" },
  datasource: { url: process.env.DATABASE_URL ?? "postgresql://localhost:5432/unused" },
});
