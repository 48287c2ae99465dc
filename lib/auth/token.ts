// Random bearer secrets (API tokens, share links, invites): 256 bits from the CSPRNG, shown once, stored
// only as their SHA-256. A fast hash is right here: the input is a high-entropy random string, not a
// password, so there is nothing to brute-force, and lookups stay a single indexed equality.
import { createHash, randomBytes } from "node:crypto";

export type TokenKind = "api" | "share" | "invite";
const PREFIX: Record<TokenKind, string> = { api: "eat_", share: "eas_", invite: "eai_" };

export function newToken(kind: TokenKind): { token: string; hash: string } {
  const token = PREFIX[kind] + randomBytes(32).toString("base64url");
  return { token, hash: hashToken(token) };
}

export function hashToken(token: string): string {
  return createHash("sha256").update(token).digest("hex");
}

/** Cheap shape check before touching the database. */
export function looksLikeToken(kind: TokenKind, value: string): boolean {
  return value.startsWith(PREFIX[kind]) && /^[A-Za-z0-9_-]{40,64}$/.test(value);
}
