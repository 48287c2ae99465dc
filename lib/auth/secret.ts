// The secret better-auth signs session cookies with. BETTER_AUTH_SECRET wins; otherwise one is generated
// on first start and kept in the database, so every process on a shared PostgreSQL uses the same one and a
// fresh machine needs no configuration.
import { randomBytes } from "node:crypto";
import type { PrismaClient } from "@/lib/generated/prisma/client";

const KEY = "auth_secret";

export async function loadAuthSecret(prisma: PrismaClient): Promise<string> {
  const fromEnv = process.env.BETTER_AUTH_SECRET;
  if (fromEnv && fromEnv.length >= 32) return fromEnv;
  // Two processes starting at once both try to insert; the first wins and both read it back.
  await prisma.setting.createMany({ data: [{ key: KEY, value: randomBytes(32).toString("base64url") }], skipDuplicates: true });
  const row = await prisma.setting.findUniqueOrThrow({ where: { key: KEY } });
  return row.value;
}
