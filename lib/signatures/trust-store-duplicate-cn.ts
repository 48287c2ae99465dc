// Two trusted CA certificates with the same subject CN (CSCwa12905): Expressway keeps only one,
// so self-signed certificates of several CUCM nodes sharing a CN cannot all be trusted.
import type { Affected, Evidence } from "@/lib/results/types";
import type { Facts } from "@/lib/facts/facts";
import { collectSteps, plural } from "@/lib/signatures/helpers";
import { type SignatureEvaluation, bugReference, defineSignature } from "@/lib/signatures/signature";

type Reads = Pick<Facts, "trustStore">;

export const trustStoreDuplicateCn = defineSignature(
  {
    id: "trust-store-duplicate-cn",
    version: 1,
    defects: ["CSCwa12905"],
    title: "Two trusted CA certificates share a common name (CN)",
    severity: "high",
    category: "defect",
    outcomes: ["issue", "ok", "missing"],
    area: "Certificates / trust store",
    summary: "Parses the CA list the bundle carries (`ca_*.pem`) and lists subject CNs held by more than one certificate.",
    products: ["Expressway-C", "Expressway-E"],
    reads: ["trustStore"],
    inputs: ["trusted CA list (ca_<host>_<stamp>.pem)"],
    references: [bugReference("CSCwa12905")],
  },
  evaluate,
);

function evaluate(facts: Reads): SignatureEvaluation {
  const store = facts.trustStore;
  if (store === null || store.certificates.length === 0) {
    return {
      outcome: "missing",
      description: store === null ? "The bundle carries no trusted CA list (ca_<host>_<stamp>.pem), so duplicate common names cannot be checked." : "The trusted CA list holds no readable certificate.",
      condition: store === null ? "No ca_*.pem file." : "No certificate could be parsed from the CA list.",
      furtherInformation: "Recent versions add the CA list to the diagnostic bundle. Otherwise download it from Maintenance > Security > Trusted CA certificate (Show all (PEM file)).",
      action: collectSteps([], "reproduce the problem"),
      evidence: [],
    };
  }
  const byCn = new Map<string, typeof store.certificates>();
  for (const c of store.certificates) {
    if (!c.subjectCN) continue;
    const k = c.subjectCN.toLowerCase();
    byCn.set(k, [...(byCn.get(k) ?? []), c]);
  }
  const dups = [...byCn.values()].filter((l) => new Set(l.map((c) => c.fingerprint)).size > 1);
  if (dups.length === 0) {
    return {
      outcome: "ok",
      description: `The trust store holds ${plural(store.certificates.length, "certificate")}, each with a distinct common name.`,
      condition: "No two CA certificates share a CN.",
      furtherInformation: "",
      action: "No action needed.",
      evidence: [],
    };
  }
  const affected: Affected[] = dups.map((l) => ({
    host: l[0].subjectCN,
    ip: null,
    port: null,
    service: "Trusted CA certificate",
    reason: `${l.length} certificates with CN ${l[0].subjectCN} (issuers: ${[...new Set(l.map((c) => c.issuer))].join(" | ")})`,
    count: l.length,
    firstSeen: null,
    lastSeen: null,
  }));
  const evidence: Evidence[] = dups.flatMap((l) => l.map((c) => ({ file: c.file, line: c.line, text: `-----BEGIN CERTIFICATE----- subject: ${c.subject}; issuer: ${c.issuer}; SHA-256 ${c.fingerprint}` })));
  return {
    outcome: "issue",
    description: `The trusted CA list has ${plural(dups.length, "common name")} held by more than one certificate: ${dups.map((l) => l[0].subjectCN).join(", ")}. Expressway keys trusted certificates by CN (CSCwa12905), so only one of each can be effective: certificates signed by (or self-signed as) the other fail verification.`,
    condition: "Two or more certificates with the same subject CN and different fingerprints in ca_*.pem.",
    furtherInformation:
      "Typical after X14.2: several CUCM nodes with self-signed Tomcat certificates (or their ECDSA variants) that share a CN, or a renewed CA certificate uploaded next to the old one.",
    action: [
      "1. Prefer CA-signed certificates on CUCM, IM&P and Unity Connection: then only the CA needs to be trusted.",
      "2. Otherwise give each self-signed certificate a distinct CN, or use one multi-server certificate (CUCM 14 can also reuse the Tomcat certificate for CallManager).",
      "3. Remove the stale duplicate under Maintenance > Security > Trusted CA certificate on every peer.",
    ].join("\n"),
    affected,
    evidence,
  };
}
