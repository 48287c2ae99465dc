// Every signature the analysis runs, in display order, and the catalog version stored with
// each analysis so old results can be told apart after rules change.
import type { SignatureResult } from "@/lib/analysis/types";
import type { Facts } from "@/lib/facts/facts";
import { type Signature, runSignature } from "@/lib/signatures/signature";
import { x142TrafficServerVerification } from "@/lib/signatures/x14-2-traffic-server-verification";
import { tlsCertificateDiffersByPort } from "@/lib/signatures/tls-certificate-differs-by-port";
import { tlsCertificateNameCoverage } from "@/lib/signatures/tls-certificate-name-coverage";
import { tlsPresentedCertificateValidity } from "@/lib/signatures/tls-presented-certificate-validity";

/** Bump when a signature is added, removed, or changes its version. */
export const CATALOG_VERSION = "2025.2.0";

export const SIGNATURES: readonly Signature[] = Object.freeze([
  x142TrafficServerVerification,
  tlsPresentedCertificateValidity,
  tlsCertificateNameCoverage,
  tlsCertificateDiffersByPort,
]);

const ids = new Set<string>();
for (const s of SIGNATURES) {
  if (ids.has(s.id)) throw new Error(`duplicate signature id ${s.id}`);
  ids.add(s.id);
}

export function getSignature(id: string): Signature | undefined {
  return SIGNATURES.find((s) => s.id === id);
}

export function runSignatures(facts: Facts, signatures: readonly Signature[] = SIGNATURES): SignatureResult[] {
  return signatures.map((s) => runSignature(s, facts));
}
