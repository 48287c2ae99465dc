// The address a request came from, for rate limits. Without a proxy it is the socket's (server.ts puts it
// in x-ea-remote-address and overwrites whatever a client sent there). Behind a proxy (TRUST_PROXY=1, or
// the number of proxies in a chain, e.g. TRUST_PROXY=2) it is read from X-Forwarded-For counting from the
// right: every proxy appends the address it was connected from, so the entries a trusted proxy added are
// the last ones, and everything to their left is whatever the client chose to write (it could rotate
// those at will to dodge a limit).
import { isIP } from "node:net";

export const REMOTE_ADDRESS_HEADER = "x-ea-remote-address";

/** How many proxies in front of the portal add themselves to X-Forwarded-For (0: none is believed). */
export function trustedProxyHops(value = process.env.TRUST_PROXY): number {
  const n = Number(value);
  return Number.isInteger(n) && n > 0 && n < 32 ? n : 0;
}

export function clientAddress(headers: Headers): string {
  const socket = headers.get(REMOTE_ADDRESS_HEADER) ?? "unknown";
  const hops = trustedProxyHops();
  if (hops === 0) return socket;
  const chain = (headers.get("x-forwarded-for") ?? "")
    .split(",")
    .map((s) => s.trim())
    .filter(Boolean);
  // With N trusted proxies the Nth entry from the right is the address the outermost one saw.
  const candidate = chain[chain.length - hops];
  return candidate && isIP(candidate) ? candidate : socket;
}
