// After an upgrade to X14.2 Expressway-C prefers ECDSA: CUCM presents its (often self-signed)
// Tomcat-ECDSA certificate, which is not trusted, and verification fails. Two ways out.
import { type Facts, configValues } from "@/lib/facts/facts";
import { collectSteps, entityLabel, plural, versionAtLeast, versionEvidence } from "@/lib/signatures/helpers";
import type { Affected } from "@/lib/results/types";
import { serviceForPort } from "@/lib/facts/mra-services";
import { type SignatureEvaluation, bugReference, defineSignature } from "@/lib/signatures/signature";

const KEY = "Ciphers HTTPSClientTls Value";
const RSA_FIRST = "ECDHE-RSA-AES256-GCM-SHA384:";

type Reads = Pick<Facts, "config" | "trafficServer" | "version">;

export const x142EcdsaPreferred = defineSignature(
  {
    id: "x14-2-ecdsa-preferred",
    version: 1,
    defects: ["CSCwc69661"],
    title: "ECDSA certificates preferred after the upgrade to X14.2: CUCM's ECDSA certificate is not trusted",
    severity: "high",
    category: "misconfiguration",
    area: "MRA / certificates",
    summary:
      "Combines the HTTPS client cipher string (no `ECDHE-RSA-AES256-GCM-SHA384:` prefix, so ECDSA is preferred) with traffic server verification failures towards the same nodes.",
    products: ["Expressway-C"],
    appliesTo: { from: "X14.2.0", below: null },
    reads: ["config", "trafficServer", "version"],
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
  if (rsaFirst || untrusted.length === 0) {
    return {
      outcome: "ok",
      description: rsaFirst
        ? "The HTTPS client cipher string starts with `ECDHE-RSA-AES256-GCM-SHA384:`, so CUCM presents its RSA certificate."
        : "ECDSA is preferred (the cipher string has no RSA prefix), but no certificate verification failure was logged: the ECDSA certificates presented are trusted.",
      condition: rsaFirst ? "RSA preferred." : "ECDSA preferred, no verification failure.",
      furtherInformation: "Only the nodes contacted during the logging period were checked.",
      action: "No action needed.",
      evidence: cipherEvidence,
    };
  }
  const byNode = new Map<string, Affected>();
  for (const g of untrusted) {
    const key = `${g.host}\u0000${g.ip}\u0000${g.port}`;
    const a = byNode.get(key) ?? { host: g.host, ip: g.ip, port: g.port, service: serviceForPort(g.port), reason: "certificate not trusted while ECDSA is preferred", count: 0, firstSeen: g.firstSeen, lastSeen: g.lastSeen, peers: [] as string[] };
    a.count += g.count;
    if (g.firstSeen && (!a.firstSeen || Date.parse(g.firstSeen) < Date.parse(a.firstSeen))) a.firstSeen = g.firstSeen;
    if (g.lastSeen && (!a.lastSeen || Date.parse(g.lastSeen) > Date.parse(a.lastSeen))) a.lastSeen = g.lastSeen;
    for (const p of g.peers) if (!a.peers!.includes(p)) a.peers!.push(p);
    byNode.set(key, a);
  }
  const affected = [...byNode.values()];
  return {
    outcome: "issue",
    description: `Expressway-C (${facts.version!.value}) prefers ECDSA: its HTTPS client cipher string does not start with \`${RSA_FIRST}\`. CUCM then presents its Tomcat-ECDSA certificate (self-signed by default, CN like \`cucm-EC.<domain>\`), and the traffic server could not verify the certificate of ${plural(affected.length, "node")}: ${affected.map(entityLabel).join(", ")}.`,
    condition: `\`${KEY}\` = "${ciphers.value}" and ${plural(untrusted.reduce((n, g) => n + g.count, 0), "verification failure")} (untrusted certificate) towards CUCM / IM&P / Unity Connection.`,
    furtherInformation:
      "From X14.2, a fresh install or an upgrade from below X14.0 prefers ECDSA cipher suites. Trusting the RSA Tomcat certificate is then not enough: the ECDSA certificate must be trusted too, or RSA must be preferred again.",
    action: [
      "Either of two ways out:",
      "1. Trust the ECDSA certificates: download tomcat-ECDSA (and CallManager-ECDSA) from Cisco Unified OS Administration > Security > Certificate Management on each node, or have them CA-signed, and upload them on every Expressway-C peer under Maintenance > Security > Trusted CA certificate.",
      `2. Prefer RSA again: prefix the cipher string with \`${RSA_FIRST}\` under Maintenance > Security > Ciphers (HTTPS client), i.e. \`xConfiguration Ciphers HTTPSClientTls Value: "${RSA_FIRST}${ciphers.value.replace(/^"|"$/g, "")}"\`.`,
    ].join("\n"),
    affected,
    evidence: [...cipherEvidence, ...facts.trafficServer.failureEvidence.slice(0, 20)],
  };
}
