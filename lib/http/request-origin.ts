// The origin a request was addressed to, and whether it came over HTTPS. Behind a reverse proxy the
// forwarded headers are believed only with TRUST_PROXY set (otherwise anyone could send them).
import { trustedProxyHops } from "@/lib/http/client-address";

export function isHttps(headers: Headers, url?: string): boolean {
  if (process.env.PUBLIC_URL?.startsWith("https://")) return true;
  if (trustedProxyHops() > 0 && headers.get("x-forwarded-proto")?.split(",")[0]?.trim() === "https") return true;
  return url ? url.startsWith("https://") : false;
}

export function requestOrigin(headers: Headers, url: string): string {
  if (process.env.PUBLIC_URL) return new URL(process.env.PUBLIC_URL).origin;
  const trusted = trustedProxyHops() > 0;
  const host = (trusted && headers.get("x-forwarded-host")?.split(",")[0]?.trim()) || headers.get("host") || new URL(url).host;
  return `${isHttps(headers, url) ? "https" : "http"}://${host}`;
}
