// The Expressway's own server certificate as the bundle carries it (`server_<host>_<stamp>.pem`,
// read as bytes by lib/facts/tls-facts.ts and judged at the time of the analysis): what the
// own-certificate signatures share.
import type { TlsCertificate } from "@/lib/results/tls";
import type { Facts } from "@/lib/facts/facts";
import { DIAGNOSTIC_LOGGING } from "@/lib/signatures/helpers";
import type { SignatureEvaluation } from "@/lib/signatures/signature";

export const CERTIFICATE_GUIDE = {
  title: "Cisco Expressway Certificate Creation and Use Deployment Guide",
  url: "https://www.cisco.com/c/en/us/support/unified-communications/expressway-series/products-installation-and-configuration-guides-list.html",
};

const DAY_MS = 86_400_000;

export function serverCertificates(facts: Pick<Facts, "tls">): TlsCertificate[] {
  const fps = new Set(facts.tls?.details.serverCertificate ?? []);
  return (facts.tls?.details.certificates ?? []).filter((c) => fps.has(c.fingerprint) && c.sources.includes("server_pem"));
}

/** The leaf of server_*.pem (the file may carry its chain after it): the first certificate that is not a CA. */
export function ownLeaf(facts: Pick<Facts, "tls">): TlsCertificate | null {
  const certs = serverCertificates(facts);
  return certs.find((c) => !c.isCA) ?? certs[0] ?? null;
}

/** Whole days from the moment it was judged to notAfter (negative: expired that many days ago). */
export function daysLeft(c: TlsCertificate): number {
  return Math.floor((Date.parse(c.notAfter) - Date.parse(c.judgedAt)) / DAY_MS);
}

/** "2026-12-11" */
export function day(iso: string): string {
  return iso.slice(0, 10);
}

export function certificateLabel(c: TlsCertificate): string {
  return `${c.subjectCN ?? c.subject} (issued by ${c.issuerCN ?? c.issuer}, SHA-256 ${c.fingerprint.slice(0, 11)}…)`;
}

export function missingServerCertificate(what: string): SignatureEvaluation {
  return {
    outcome: "missing",
    description: `The bundle carries no server certificate file (server_<host>_<stamp>.pem), so ${what} cannot be checked.`,
    condition: "No readable server_*.pem in the bundle.",
    furtherInformation: "Diagnostic bundles of recent versions include the server certificate; Maintenance > Security > Server certificate shows it too.",
    action: `On the Expressway, go to ${DIAGNOSTIC_LOGGING} and upload the whole bundle (not only the loggingsnapshot).`,
  };
}
