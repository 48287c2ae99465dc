// After an upgrade to X14.2 Expressway-C prefers ECDSA: CUCM presents its (often self-signed)
// Tomcat-ECDSA certificate, which is not trusted, and verification fails. Two ways out.
import { type Facts, type VerificationFailureGroup, configValues } from "@/lib/facts/facts";
import { presentedCertificate } from "@/lib/facts/presented-certificate";
import { collectSteps, entityLabel, plural, versionAtLeast, versionEvidence } from "@/lib/signatures/helpers";
import type { Affected, Evidence } from "@/lib/results/types";
import { serviceForPort } from "@/lib/facts/mra-services";
import { type SignatureEvaluation, bugReference, defineSignature } from "@/lib/signatures/signature";

const KEY = "Ciphers HTTPSClientTls Value";
const RSA_FIRST = "ECDHE-RSA-AES256-GCM-SHA384:";

type Reads = Pick<Facts, "config" | "trafficServer" | "version" | "tls">;

export const x142EcdsaPreferred = defineSignature(
  {
    id: "x14-2-ecdsa-preferred",
    version: 2,
    defects: ["CSCwc69661"],
    title: "ECDSA certificates preferred after the upgrade to X14.2: CUCM's ECDSA certificate is not trusted",
    severity: "high",
    category: "misconfiguration",
    outcomes: ["issue", "ok", "not_applicable", "missing"],
    area: "MRA / certificates",
    summary:
      "Combines the HTTPS client cipher string (no `ECDHE-RSA-AES256-GCM-SHA384:` prefix, so ECDSA is preferred) with self-signed certificate failures towards the same nodes: an issue only when a packet capture shows the ECDSA certificate presented, else a possibility inside the X14.2 card; never for expired certificates or unknown CAs in a chain.",
    products: ["Expressway-C"],
    appliesTo: { from: "X14.2.0", below: null },
    reads: ["config", "trafficServer", "version", "tls"],
    inputs: ["software version (xstat_dump)", `xConfiguration ${KEY} (xconf_dump)`, "traffic_server certificate verification failures"],
    references: [bugReference("CSCwc69661")],
  },
  evaluate,
);

function evaluate(facts: Reads): SignatureEvaluation {
  const atLeast = versionAtLeast(facts, 14, 2);
  const ciphers = configValues(facts, KEY)[0];
  const untrusted = facts.trafficServer.failures.filter((g) => g.cause === "untrusted_certificate");
  if (atLeast === false) {
    return {
      outcome: "not_applicable",
      description: `The Expressway runs ${facts.version!.value}; the ECDSA preference comes with X14.2.`,
      condition: "Version below X14.2.",
      furtherInformation: "",
      action: "No action needed.",
      evidence: versionEvidence(facts),
    };
  }
  if (atLeast === null || ciphers === undefined) {
    return {
      outcome: "missing",
      description: `${atLeast === null ? "The software version" : "The HTTPS client cipher string (xconf_dump)"} is unknown, so it cannot be told whether Expressway-C prefers ECDSA certificates.`,
      condition: atLeast === null ? "No software version found." : `No \`${KEY}\` in the configuration dump.`,
      furtherInformation: "Both the version (xstat_dump) and the configuration (xconf_dump) are written when diagnostic logging starts.",
      action: collectSteps([], "reproduce an MRA sign-in"),
      evidence: [],
    };
  }
  const rsaFirst = ciphers.value.replace(/^"|"$/g, "").startsWith(RSA_FIRST);
  const cipherEvidence = ciphers.source ? [{ file: ciphers.source.file, line: ciphers.source.line, text: ciphers.source.text }] : [];
  // Only a self-signed certificate at depth 0 is what an untrusted ECDSA certificate looks like in
  // the log; a node whose failure is an expiry or an unknown CA in a chain has another cause.
  const otherCause = new Set(untrusted.filter((g) => !isSelfSignedLeaf(g)).map(nodeKey));
  const candidates = untrusted.filter((g) => isSelfSignedLeaf(g) && !otherCause.has(nodeKey(g)));
  if (rsaFirst || candidates.length === 0) {
    return {
      outcome: "ok",
      description: rsaFirst
        ? "The HTTPS client cipher string starts with `ECDHE-RSA-AES256-GCM-SHA384:`, so CUCM presents its RSA certificate."
        : untrusted.length === 0
          ? "ECDSA is preferred (the cipher string has no RSA prefix), but no certificate verification failure was logged: the ECDSA certificates presented are trusted."
          : "ECDSA is preferred, but every verification failure logged is an expired certificate or an unknown CA in a chain: the ECDSA preference does not explain them.",
      condition: rsaFirst ? "RSA preferred." : untrusted.length === 0 ? "ECDSA preferred, no verification failure." : "ECDSA preferred; the failures have other causes.",
      furtherInformation: "Only the nodes contacted during the logging period were checked.",
      action: "No action needed.",
      evidence: cipherEvidence,
    };
  }
  const byNode = new Map<string, Affected & { ecdsa: Evidence[] }>();
  for (const g of candidates) {
    const k = nodeKey(g);
    let a = byNode.get(k);
    if (!a) {
      const seen = presentedEcdsa(facts, g);
      a = { host: g.host, ip: g.ip, port: g.port, service: serviceForPort(g.port), reason: seen ? `presented ${seen.phrase}` : "self-signed certificate not trusted while ECDSA is preferred", count: 0, firstSeen: g.firstSeen, lastSeen: g.lastSeen, peers: [] as string[], ecdsa: seen ? seen.evidence : [] };
      if (seen?.certificate) a.certificate = seen.certificate;
      byNode.set(k, a);
    }
    a.count += g.count;
    if (g.firstSeen && (!a.firstSeen || Date.parse(g.firstSeen) < Date.parse(a.firstSeen))) a.firstSeen = g.firstSeen;
    if (g.lastSeen && (!a.lastSeen || Date.parse(g.lastSeen) > Date.parse(a.lastSeen))) a.lastSeen = g.lastSeen;
    for (const p of g.peers) if (!a.peers!.includes(p)) a.peers!.push(p);
  }
  const nodes = [...byNode.values()];
  const shown = nodes.filter((n) => n.certificate !== undefined || n.ecdsa.length > 0 || n.reason.startsWith("presented"));
  const affected: Affected[] = nodes.map(({ ecdsa: _e, ...a }) => a);
  const action = [
    "Either of two ways out:",
    "1. Trust the ECDSA certificates: download tomcat-ECDSA (and CallManager-ECDSA) from Cisco Unified OS Administration > Security > Certificate Management on each node, or have them CA-signed, and upload them on every Expressway-C peer under Maintenance > Security > Trusted CA certificate.",
    `2. Prefer RSA again: prefix the cipher string with \`${RSA_FIRST}\` under Maintenance > Security > Ciphers (HTTPS client), i.e. \`xConfiguration Ciphers HTTPSClientTls Value: "${RSA_FIRST}${ciphers.value.replace(/^"|"$/g, "")}"\`.`,
  ].join("\n");
  if (shown.length === 0) {
    // The log alone cannot tell an ECDSA certificate from an RSA one: a possibility, no diagnosis.
    return {
      outcome: "potential",
      description: `Expressway-C (${facts.version!.value}) prefers ECDSA (its HTTPS client cipher string does not start with \`${RSA_FIRST}\`), and the self-signed certificate of ${plural(affected.length, "node")} (${affected.map(entityLabel).join(", ")}) was not trusted. If that was CUCM's Tomcat-ECDSA certificate (CN like \`cucm-EC.<domain>\`), trusting the RSA Tomcat certificate alone does not help.`,
      condition: `\`${KEY}\` = "${ciphers.value}"; nothing in the bundle (packet capture) shows which certificate the nodes presented.`,
      furtherInformation:
        "From X14.2, a fresh install or an upgrade from below X14.0 prefers ECDSA cipher suites. A packet capture taken with the diagnostic log (Maintenance > Diagnostics > Diagnostic logging, Take tcpdump while logging) shows the certificate the node presented.",
      action,
      affected,
      // the failures it would explain: the note belongs in the card that diagnoses them
      evidence: [...cipherEvidence, ...failureLinesOf(facts, affected)],
    };
  }
  return {
    outcome: "issue",
    description: `Expressway-C (${facts.version!.value}) prefers ECDSA: its HTTPS client cipher string does not start with \`${RSA_FIRST}\`. ${plural(shown.length, "node")} presented an ECDSA certificate the traffic server did not trust: ${shown.map((n) => `${entityLabel(n)} (${n.reason})`).join("; ")}.`,
    condition: `\`${KEY}\` = "${ciphers.value}", and the bundle shows the ECDSA certificate presented (packet capture).`,
    furtherInformation:
      "From X14.2, a fresh install or an upgrade from below X14.0 prefers ECDSA cipher suites. Trusting the RSA Tomcat certificate is then not enough: the ECDSA certificate must be trusted too, or RSA must be preferred again.",
    action,
    affected,
    evidence: [...cipherEvidence, ...nodes.flatMap((n) => n.ecdsa)],
  };
}

function failureLinesOf(facts: Pick<Facts, "trafficServer">, nodes: Affected[]): Evidence[] {
  const names = nodes.flatMap((n) => [n.host, n.ip]).filter((x): x is string => !!x);
  return facts.trafficServer.failureEvidence.filter((e) => names.some((n) => e.text.includes(`(${n})`) || e.text.includes(`'${n}'`))).slice(0, 20);
}

function isSelfSignedLeaf(g: VerificationFailureGroup): boolean {
  return g.errorKind === "self_signed" && (g.depth ?? 0) === 0;
}

function nodeKey(g: Pick<VerificationFailureGroup, "host" | "ip" | "port">): string {
  return `${g.host}\u0000${g.ip}\u0000${g.port}`;
}

/** The ECDSA certificate the capture saw the node present on that port (key type EC, or an `-EC` CN). */
function presentedEcdsa(facts: Pick<Facts, "tls">, g: VerificationFailureGroup): { phrase: string; certificate: NonNullable<Affected["certificate"]>; evidence: Evidence[] } | null {
  const certificate = presentedCertificate(facts.tls?.details, g);
  if (!certificate) return null;
  const ecdsa = certificate.keyType === "EC" || /(^|[-_.])EC([-_.]|$)/i.test(certificate.subjectCN ?? "");
  if (!ecdsa) return null;
  return { phrase: certificate.summary, certificate, evidence: [] };
}
