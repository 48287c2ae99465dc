// The certificate a server presented does not name what the client asked for: the SNI from the
// ClientHello, or, when the client sent none, the address it connected to (RFC 6125 matching,
// wildcards on the left-most label only). The capture-side view of "SNI (...) not in certificate".
// Outcomes: missing (no capture / no visible certificate) > issue (SNI, or the address on the ports
// the traffic server verifies) > potential (address elsewhere) > ok.
import type { Affected } from "@/lib/results/types";
import type { TlsDetails } from "@/lib/results/tls";
import type { Facts } from "@/lib/facts/facts";
import { certificateByFingerprint } from "@/lib/facts/tls-facts";
import { sanList } from "@/lib/facts/presented-certificate";
import { captureDetails, missingCapture, missingVisibleCertificate, plural, serverAffected } from "@/lib/signatures/capture-common";
import { type SignatureEvaluation, defineSignature } from "@/lib/signatures/signature";

const WHAT = "whether the certificates servers presented name the address clients used";
/** Ports the X14.2 traffic server connects to and verifies names on. */
const VERIFIED_PORTS = new Set([443, 6970, 6971, 6972, 7400, 8191, 8443]);

type Reads = Pick<Facts, "tls">;

export const tlsCertificateNameCoverage = defineSignature(
  {
    id: "tls-certificate-name-coverage",
    version: 1,
    defects: [],
    title: "Certificates presented in the packet capture name the address the client connected to",
    severity: "high",
    category: "misconfiguration",
    outcomes: ["issue", "potential", "ok", "missing"],
    area: "Certificates (packet capture)",
    summary: "Checks, from the packet captures, whether the certificate each server presented covers the SNI or the address Expressway connected to (SAN / CN, wildcards per RFC 6125).",
    products: ["Expressway-C", "Expressway-E"],
    appliesTo: { from: null, below: null },
    reads: ["tls"],
    inputs: ["packet captures: ClientHello SNI, server address, presented certificate SAN / CN"],
  },
  evaluate,
);

type Finding = { affected: Affected; name: string; kind: "sni" | "address"; enforced: boolean; san: string };

function evaluate(facts: Reads): SignatureEvaluation {
  const details = captureDetails(facts);
  if (!details) return missingCapture(WHAT);
  const none = missingVisibleCertificate(details, WHAT);
  if (none) return none;

  const findings = collect(details);
  const hard = findings.filter((f) => f.kind === "sni" || f.enforced);
  const soft = findings.filter((f) => !(f.kind === "sni" || f.enforced));
  const list = (l: Finding[]) =>
    l.map((f) => `${f.affected.ip}:${f.affected.port} was asked for ${f.kind === "sni" ? `SNI ${f.name}` : `address ${f.name} (no SNI sent)`} and presented ${f.san}`).join("; ");
  const action = [
    "1. Add the missing name or address to the certificate's Subject Alternative Names (new CSR with the SAN, re-sign, upload to the server), or",
    "2. make clients use a name the certificate already carries. For CUCM / IM&P defined by IP address: in Cisco Unified CM Administration, System > Server, change each server's Host Name/IP Address to its FQDN, then on Expressway-C go to Configuration > Unified Communications > Unified CM servers (and IM and Presence Service nodes / Unity Connection servers) and click Refresh servers.",
    "3. Take a new diagnostic log with tcpdump and check this analysis again.",
  ].join("\n");
  const further =
    "Names are matched as RFC 6125 says: DNS names against DNS SANs (the subject CN only when there are none), a wildcard only as the whole left-most label matching exactly one label; IP addresses only against IP SANs. Expressway's traffic server (X14.2 and later) applies this check to CUCM, IM&P and Unity Connection and logs `SNI (<address>) not in certificate` when it fails.";

  if (hard.length > 0) {
    return {
      outcome: "issue",
      description: `${plural(hard.length, "server port")} presented a certificate that does not name what the client connected to: ${list(hard)}. A client that verifies names refuses the connection; for MRA the traffic server answers \`502 connect failed\`.`,
      condition: `The SNI in the ClientHello (or, without SNI, the server address on a port the traffic server verifies) matches no SAN of the presented certificate.${soft.length > 0 ? ` Also, without SNI: ${list(soft)}.` : ""}`,
      furtherInformation: further,
      action,
      affected: hard.concat(soft).map((f) => f.affected),
      evidence: [],
    };
  }
  if (soft.length > 0) {
    return {
      outcome: "potential",
      description: `Clients connected by address without SNI, and the certificate presented does not carry that address: ${list(soft)}. Clients that verify the name (by address) would refuse these connections.`,
      condition: "No SNI in the ClientHello; the server address is not among the certificate's IP SANs.",
      furtherInformation: further,
      action,
      affected: soft.map((f) => f.affected),
      evidence: [],
    };
  }
  const checked = details.servers.reduce((n, s) => n + s.chains.reduce((m, c) => m + c.names.length, 0), 0);
  return {
    outcome: "ok",
    description: `Every name clients asked for in the capture (${plural(checked, "SNI / address")}) is covered by the certificate the server presented.`,
    condition: "Each SNI (or connect address without SNI) matches a SAN of the presented certificate.",
    furtherInformation: further,
    action: "No action needed.",
    evidence: [],
  };
}

function collect(details: TlsDetails): Finding[] {
  const out: Finding[] = [];
  for (const s of details.servers) {
    for (const chain of s.chains) {
      const leaf = chain.fingerprints[0] ? certificateByFingerprint(details, chain.fingerprints[0]) : undefined;
      if (!leaf) continue;
      for (const n of chain.names) {
        if (n.covered) continue;
        const san = `${leaf.subjectCN ? `CN ${leaf.subjectCN}, ` : ""}${sanList(leaf)}`;
        const reason = `${n.kind === "sni" ? `SNI ${n.name}` : `address ${n.name}`} not in certificate (${san})`;
        out.push({ affected: serverAffected(details, s, reason, { withSan: true }), name: n.name, kind: n.kind, enforced: VERIFIED_PORTS.has(s.port) && !s.isExpressway, san });
      }
    }
  }
  return out;
}
