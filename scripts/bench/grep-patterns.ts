// The literal patterns the bench greps for: every substring the signature catalog declares it needs,
// so grep and the analyzer look for the same things.
import { SIGNATURES } from "@/lib/signatures/registry";

const FALLBACK = [
  "Core server certificate verification failed",
  "not in certificate",
  "SSL connection failed",
  "502 connect failed",
  "network.http.trafficserver",
];

export function grepPatterns(): string[] {
  const declared = SIGNATURES.flatMap((s) => ((s as { needles?: string[] }).needles ?? []));
  return [...new Set(declared.length ? declared : FALLBACK)];
}
