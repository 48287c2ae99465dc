// A server presented an expired (or not yet valid, or soon-expiring) certificate in the capture.
// Reported from the capture alone: the logs often say nothing when the Expressway is not the side
// checking, or checks only later. Outcomes: missing (no capture / no visible certificate) >
// issue (expired / not yet valid at capture time) > potential (expires within 30 days) > ok.
import type { Affected } from "@/lib/results/types";
import type { TlsCertificate, TlsDetails } from "@/lib/results/tls";
import type { Facts } from "@/lib/facts/facts";
import { certificateByFingerprint } from "@/lib/facts/tls-facts";
import { certificatePhrase, validityPhrase } from "@/lib/facts/presented-certificate";
import { captureDetails, missingCapture, missingVisibleCertificate, plural, serverAffected } from "@/lib/signatures/capture-common";
import { type SignatureEvaluation, defineSignature } from "@/lib/signatures/signature";

const WHAT = "the validity dates of the certificates servers presented";

type Reads = Pick<Facts, "tls">;

export const tlsPresentedCertificateValidity = defineSignature(
  {
    id: "tls-presented-certificate-validity",
    version: 1,
    defects: [],
    title: "Certificates presented in the packet capture are within their validity period",
    severity: "high",
    category: "misconfiguration",
    outcomes: ["issue", "potential", "ok", "missing"],
    area: "Certificates (packet capture)",
    summary: "Checks the validity dates of every certificate servers presented in the packet captures, at capture time: expired or not yet valid is an issue, expiring within 30 days a potential problem, even when the logs say nothing.",
    products: ["Expressway-C", "Expressway-E"],
    appliesTo: { from: null, below: null },
    reads: ["tls"],
    inputs: ["packet captures (eth*_diagnostic_logging_tcpdump*.pcap): server certificate chains"],
  },
  evaluate,
);

type Finding = { affected: Affected; cert: TlsCertificate; depth: number; kind: "expired" | "not_yet_valid" | "soon" };

function evaluate(facts: Reads): SignatureEvaluation {
  const details = captureDetails(facts);
  if (!details) return missingCapture(WHAT);
  const none = missingVisibleCertificate(details, WHAT);
  if (none) return none;

  const findings = collect(details);
  const bad = findings.filter((f) => f.kind !== "soon");
  const soon = findings.filter((f) => f.kind === "soon");
  const checked = new Set(details.servers.flatMap((s) => s.chains.flatMap((c) => c.fingerprints))).size;
  const ports = details.servers.filter((s) => s.chains.length > 0).length;

  if (bad.length > 0) {
    return {
      outcome: "issue",
      description: `${plural(bad.length, "server port")} presented a certificate that was outside its validity period when the capture was taken: ${bad.map(line).join("; ")}. A client that checks the certificate (the Expressway's traffic server for MRA, a peer on a TLS zone, a browser) refuses the connection.`,
      condition: `The certificate's notAfter (or notBefore) lies before (or after) the time of the capture packets that carried it.${soon.length > 0 ? ` Also expiring within 30 days: ${soon.map(line).join("; ")}.` : ""}`,
      furtherInformation:
        "Validity is judged at the time the packet was captured, not today. If the dates look right on the server, check the clocks: the capturing Expressway's NTP status (Status > System > Information) and the server's time.",
      action: actionText(bad.concat(soon)),
      affected: bad.concat(soon).map((f) => f.affected),
      evidence: [],
    };
  }
  if (soon.length > 0) {
    return {
      outcome: "potential",
      description: `${plural(soon.length, "server port")} presented a certificate that expires within 30 days of the capture: ${soon.map(line).join("; ")}.`,
      condition: "notAfter within 30 days after the capture time.",
      furtherInformation: "Once it expires, clients that verify it (the Expressway's traffic server for MRA since X14.2, TLS zones, browsers) refuse the connection.",
      action: actionText(soon),
      affected: soon.map((f) => f.affected),
      evidence: [],
    };
  }
  return {
    outcome: "ok",
    description: `${plural(checked, "certificate")} presented on ${plural(ports, "server port")} in the capture ${checked === 1 ? "was" : "were"} valid at capture time, none expiring within 30 days.`,
    condition: "Every certificate of every presented chain within notBefore..notAfter (+30 days) at capture time.",
    furtherInformation: "Only servers contacted during the capture were seen; TLS 1.3 sessions hide their certificates.",
    action: "No action needed.",
    evidence: [],
  };
}

function collect(details: TlsDetails): Finding[] {
  const out: Finding[] = [];
  for (const s of details.servers) {
    const seen = new Set<string>();
    for (const chain of s.chains) {
      chain.fingerprints.forEach((fp, depth) => {
        if (seen.has(fp)) return;
        seen.add(fp);
        const c = certificateByFingerprint(details, fp);
        if (!c) return;
        const kind = c.expired ? "expired" : c.notYetValid ? "not_yet_valid" : c.expiresWithin30Days ? "soon" : null;
        if (!kind) return;
        const who = depth === 0 ? "certificate" : `CA certificate at depth ${depth}`;
        const reason = `${who} ${c.subjectCN ? `CN ${c.subjectCN} ` : ""}${validityPhrase(c)} (captured ${c.judgedAt.slice(0, 10)})`;
        out.push({ affected: serverAffected(details, s, reason), cert: c, depth, kind });
      });
    }
  }
  return out;
}

function line(f: Finding): string {
  const a = f.affected;
  return `${a.host ?? a.ip}${a.host && a.ip ? ` (${a.ip})` : ""} port ${a.port} presented ${certificatePhrase(f.cert)}, ${validityPhrase(f.cert)}${f.depth > 0 ? ` (depth ${f.depth} in the chain)` : ""}`;
}

function actionText(list: Finding[]): string {
  const targets = [...new Set(list.map((f) => `${f.affected.host ?? f.affected.ip}:${f.affected.port}`))].join(", ");
  return [
    `1. Renew the certificate on ${targets} (for CUCM / IM&P / Unity Connection: Cisco Unified OS Administration > Security > Certificate Management, regenerate or re-sign and upload; then restart the service that uses it, e.g. Cisco Tomcat).`,
    "2. If it is self-signed, upload the new certificate on every Expressway-C peer under Maintenance > Security > Trusted CA certificate; if a CA certificate in the chain expired, upload the renewed CA chain there.",
    "3. Take a new diagnostic log with tcpdump and check this analysis again.",
  ].join("\n");
}
