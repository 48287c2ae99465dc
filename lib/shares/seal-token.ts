// Share-link tokens are kept sealed (AES-256-GCM under a key derived from the auth secret) next to
// their hash, so the share panel can list a link's URL again instead of showing it only once. The
// hash stays the lookup key; a database read without the secret does not reveal working links
// when BETTER_AUTH_SECRET is set outside the database.
import { createCipheriv, createDecipheriv, hkdfSync, randomBytes } from "node:crypto";

const INFO = "expressway-analyzer share-link token v1";

function keyFrom(secret: string): Buffer {
  return Buffer.from(hkdfSync("sha256", secret, "", INFO, 32));
}

/** `v1.<iv>.<ciphertext>.<tag>`, base64url parts. */
export function sealToken(token: string, secret: string): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv("aes-256-gcm", keyFrom(secret), iv);
  const body = Buffer.concat([cipher.update(token, "utf8"), cipher.final()]);
  return ["v1", iv.toString("base64url"), body.toString("base64url"), cipher.getAuthTag().toString("base64url")].join(".");
}

/** The token, or null when the value is not ours or was sealed under another secret. */
export function unsealToken(sealed: string | null | undefined, secret: string): string | null {
  if (!sealed) return null;
  const [v, iv, body, tag] = sealed.split(".");
  if (v !== "v1" || !iv || !body || !tag) return null;
  try {
    const decipher = createDecipheriv("aes-256-gcm", keyFrom(secret), Buffer.from(iv, "base64url"));
    decipher.setAuthTag(Buffer.from(tag, "base64url"));
    return Buffer.concat([decipher.update(Buffer.from(body, "base64url")), decipher.final()]).toString("utf8");
  } catch {
    return null;
  }
}
