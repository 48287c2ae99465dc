// CA certificates in the Expressway's trusted CA list (ca_*.pem) that have expired or expire within
// 30 days: a peer whose chain ends at one of them fails verification once it has expired (traversal
// zone, Unified CM, LDAP, cluster peers), and an expired entry left beside its renewal confuses
// chain building.
import type { Facts } from "@/lib/facts/facts";
import { CERTIFICATE_GUIDE, day } from "@/lib/signatures/own-certificate-common";
import { DIAGNOSTIC_LOGGING, plural } from "@/lib/signatures/helpers";
import { type SignatureEvaluation, defineSignature } from "@/lib/signatures/signature";

const DAY_MS = 86_400_000;
const SOON_DAYS = 30;

export const trustStoreCaExpired = defineSignature(
  {
    id: "trust-store-ca-expired",
    version: 1,
    defects: [],
    title: "Trusted CA certificates expired or expiring",
    severity: "medium",
    category: "misconfiguration",
    outcomes: ["potential", "ok", "missing"],
    reads: ["trustStore"],
    requires: ["trustStore"],
    area: "Certificates (trust store)",
    summary: `Reads the trusted CA list (ca_<host>_<stamp>.pem): CAs that have expired, or expire within ${SOON_DAYS} days of the analysis, no longer anchor their peers' chains.`,
    products: ["Expressway-C", "Expressway-E"],
    inputs: ["ca_<host>_<stamp>.pem"],
    references: [CERTIFICATE_GUIDE],
  },
  (facts) => evaluate(facts, Date.now()),
);

function evaluate(facts: { trustStore: NonNullable<Facts["trustStore"]> }, nowMs: number): SignatureEvaluation {
  const store = facts.trustStore;
  if (store.certificates.length === 0) {
    return {
      outcome: "missing",
      description: "The trusted CA list (ca_<host>_<stamp>.pem) holds no readable certificate, so the CAs' validity cannot be checked.",
      condition: "ca_*.pem without a readable certificate.",
      furtherInformation: "Maintenance > Security > Trusted CA certificate lists them too.",
      action: `On the Expressway, go to ${DIAGNOSTIC_LOGGING} and upload the whole bundle.`,
    };
  }
  const dated = store.certificates.filter((c) => c.notAfter).map((c) => ({ c, left: Math.floor((Date.parse(c.notAfter!) - nowMs) / DAY_MS) }));
  const expired = dated.filter((d) => d.left < 0);
  const soon = dated.filter((d) => d.left >= 0 && d.left < SOON_DAYS);
  if (expired.length + soon.length > 0) {
    const rows = [...expired, ...soon].map((d) => ({ host: d.c.subjectCN, ip: null, port: null, service: "trusted CA", reason: d.left < 0 ? `expired on ${day(d.c.notAfter!)}` : `expires on ${day(d.c.notAfter!)} (in ${plural(d.left, "day")})`, count: 1, firstSeen: null, lastSeen: null }));
    return {
      outcome: "potential",
      severity: expired.length > 0 ? "medium" : "low",
      description: `${[expired.length > 0 ? `${plural(expired.length, "trusted CA")} expired` : null, soon.length > 0 ? `${plural(soon.length, "trusted CA")} expire${soon.length === 1 ? "s" : ""} within ${SOON_DAYS} days` : null].filter(Boolean).join(" and ")}: ${rows.map((r) => `${r.host ?? "?"} (${r.reason})`).join("; ")}. Peers whose certificates chain to an expired CA fail verification.`,
      condition: `notAfter of a certificate in ca_*.pem before the analysis time or within ${SOON_DAYS} days of it.`,
      furtherInformation: "An expired CA is harmless only if nothing chains to it any more; when the CA was renewed, the new CA certificate must be in the list (with its own CN, see CSCwa12905) and the peers' certificates re-issued under it.",
      action: "Maintenance > Security > Trusted CA certificate: add the renewed CA certificates, then delete the expired ones; do it on every cluster peer, and check that the traversal zone, Unified CM and LDAP peers present certificates signed by a valid CA.",
      affected: rows,
      evidence: [...expired, ...soon].map((d) => ({ file: d.c.file, line: d.c.line, text: `-----BEGIN CERTIFICATE----- (${d.c.subject}, notAfter ${d.c.notAfter})` })),
    };
  }
  return { outcome: "ok", description: `All ${plural(store.certificates.length, "trusted CA certificate")} are valid for more than ${SOON_DAYS} days.`, condition: "No CA in ca_*.pem expired or expiring within 30 days.", furtherInformation: "", action: "No action needed." };
}
