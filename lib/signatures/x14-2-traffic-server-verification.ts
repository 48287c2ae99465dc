// X14.2 behaviour change: Expressway-C's traffic server verifies the certificate of every
// CUCM / IM&P / Unity Connection node on every proxied MRA request (CSCwc69661, CSCwa25108).
// Outcomes: issue (failures logged) > missing (version unknown) > not_applicable (< X14.2) >
// potential (VerifyOriginServer Off) > missing (no traffic server logs / no requests) > ok.
import type { Affected, Evidence } from "@/lib/results/types";
import { isAtLeast, parseExpresswayVersion } from "@/lib/facts/expressway-version";
import { type Facts, type Located, type VerificationFailureGroup, configValues } from "@/lib/facts/facts";
import { serviceForPort } from "@/lib/facts/mra-services";
import { EvidenceBag } from "@/lib/facts/evidence-bag";
import { presentedCertificate } from "@/lib/facts/presented-certificate";
import { type SignatureEvaluation, bugReference, defineSignature } from "@/lib/signatures/signature";

type Reads = Pick<Facts, "config" | "files" | "host" | "logFiles" | "reading" | "tls" | "trafficServer" | "version">;

export const VERIFY_ORIGIN_SERVER_KEY = "EdgeConfigServer VerifyOriginServer";
const HTTPS_CLIENT_CIPHERS_KEY = "Ciphers HTTPSClientTls Value";
const RSA_FIRST = "ECDHE-RSA-AES256-GCM-SHA384:";
const MAX_EVIDENCE = 50;

const TRUSTED_CA_PATH = "Maintenance > Security > Trusted CA certificate";
const WORKAROUND = "`xConfiguration EdgeConfigServer VerifyOriginServer: Off`";
const UNDO_WORKAROUND = "`xConfiguration EdgeConfigServer VerifyOriginServer: On`";
const COLLECT_STEPS =
  "On the Expressway-C, go to Maintenance > Diagnostics > Advanced > Support Log configuration and set `developer.trafficserver` and `network.http.trafficserver` to DEBUG; then Maintenance > Diagnostics > Diagnostic logging > Start new log, reproduce the MRA login from a remote Jabber / Webex client (sign in, wait for the client to download its configuration and voicemail), Stop logging, Collect log and Download log. Upload that bundle here (one per cluster peer, or a bundle holding every peer's folder), and set the log levels back to INFO afterwards.";

export const x142TrafficServerVerification = defineSignature(
  {
    id: "x14-2-traffic-server-verification",
    version: 2,
    defects: ["CSCwc69661", "CSCwa25108"],
    title: "Expressway-C verifies CUCM / IM&P / Unity Connection certificates for MRA (X14.2 and later)",
    severity: "critical",
    category: "defect",
    outcomes: ["issue", "potential", "ok", "not_applicable", "missing"],
    area: "MRA / certificates",
    summary:
      "Looks for the traffic server's certificate verification failures towards CUCM, IM&P and Unity Connection (self-signed, unknown CA, expired, address not in the certificate; OpenSSL 1.1 and 3 spellings) and names each node, port and cause.",
    products: ["Expressway-C"],
    appliesTo: { from: "X14.2.0", below: null },
    needles: ["Core server certificate verification failed", "not in certificate", "SSL connection failed for", "502 connect failed"],
    reads: ["config", "files", "host", "logFiles", "reading", "tls", "trafficServer", "version"],
    inputs: [
      "software version (xstat_dump)",
      `xConfiguration ${VERIFY_ORIGIN_SERVER_KEY} (xconf_dump)`,
      "traffic_server log lines: MRA requests, certificate verification failures",
    ],
    references: [bugReference("CSCwc69661"), bugReference("CSCwa25108")],
  },
  evaluate,
);

function evaluate(facts: Reads): SignatureEvaluation {
  const ts = facts.trafficServer;
  const offSettings = configValues(facts, VERIFY_ORIGIN_SERVER_KEY).filter((v) => v.value.trim().toLowerCase() === "off");
  if (ts.failures.length > 0) return issue(facts, offSettings);

  const version = facts.version ? parseExpresswayVersion(facts.version.value) : null;
  if (version === null) return missingVersion(facts, offSettings);
  if (!isAtLeast(version, 14, 2)) return notApplicable(facts);
  if (offSettings.length > 0) return potential(facts, offSettings);
  const unreadable = unreadableTrafficServer(facts);
  if (unreadable !== null) return unreadable;
  if (facts.logFiles.length === 0 || ts.lineCount === 0) return missingTrafficServerLogs(facts);
  if (ts.mraRequestCount === 0 && ts.forwardedRequestCount === 0) return missingRequests(facts);
  return ok(facts);
}

// ---- issue ---------------------------------------------------------------------------------

type Node = {
  host: string | null;
  ip: string | null;
  port: number | null;
  groups: VerificationFailureGroup[];
};

function issue(facts: Reads, offSettings: Located<string>[]): SignatureEvaluation {
  const ts = facts.trafficServer;
  const nodes = groupByNode(ts.failures);
  const affected = nodes.map((n) => withPresentedCertificate(toAffected(n), n, facts));
  const kinds = failureKinds(ts.failures);
  const terminated = ts.failures.some((g) => g.actions.includes("Terminate"));
  const onlyContinue = ts.failures.every((g) => g.actions.length > 0 && g.actions.every((a) => a === "Continue"));
  const period = periodOf(ts.failures);
  const versionText = facts.version ? facts.version.value : "an unknown version";

  const nodeList = affected.map((a) => `${nodeLabel(a)} (${a.reason}, ${a.count}×)`).join("; ");
  const impact = impactOf(nodes);
  const description = [
    `The traffic server on Expressway-C${facts.host ? ` ${facts.host}` : ""} rejected the TLS certificate of ${plural(nodes.length, "server port")} it proxies MRA requests to: ${nodeList}. ${plural(ts.failureCount, "verification failure")} ${ts.failureCount === 1 ? "was" : "were"} logged${period}.`,
    `Since X14.2.0 (CSCwc69661, CSCwa25108) the traffic server verifies the certificate of every CUCM, IM&P and Unity Connection node on every proxied request, whatever TLS verify mode was chosen when the node was discovered. A failed check ends the TLS handshake and the remote client gets \`502 connect failed\`${impact ? `: ${impact}` : "."}`,
  ].join("\n\n");

  const parsedVersion = facts.version ? parseExpresswayVersion(facts.version.value) : null;
  const belowX142 = parsedVersion !== null && !isAtLeast(parsedVersion, 14, 2);
  const conditionParts = [
    `The Expressway runs ${versionText}${belowX142 ? " (below X14.2: these failures come from nodes added with TLS verify mode On)" : ""}, and its traffic server logged ${describeKinds(kinds)}.`,
  ];
  if (onlyContinue) {
    conditionParts.push("Every failure was logged with `Action=Continue`: the connections were allowed to proceed, so these certificates would break MRA as soon as verification is enforced.");
  } else if (terminated) {
    conditionParts.push("`Action=Terminate`: the connections were closed.");
  }
  if (ts.failures.some((g) => g.responses502 > 0)) {
    const n = ts.failures.reduce((s, g) => s + g.responses502, 0);
    conditionParts.push(`${plural(n, "client request")} got \`HTTP/1.1 502 connect failed\` as a result.`);
  }
  if (offSettings.length > 0) {
    conditionParts.push(
      `Note: the configuration dump also has ${WORKAROUND}. The dump shows the setting when logging started; failures logged despite it mean the setting was changed during the logging period, or the failures were logged without being enforced. The failures are reported because they are what breaks (or would break) MRA once verification is on.`,
    );
  }
  const seen = affected.filter((a) => a.certificate);
  if (seen.length > 0) {
    conditionParts.push(`The packet capture in the bundle shows what was presented: ${seen.map((a) => `${a.host ?? a.ip} ${a.certificate!.summary}`).join("; ")}.`);
  }
  const unknownPort = nodes.filter((n) => n.port === null).length;
  if (unknownPort > 0) {
    conditionParts.push(
      `For ${plural(unknownPort, "failure")} the port could not be determined: the traffic server's request logging (\`network.http.trafficserver\` at DEBUG) was not on, so no request preceded the failure.`,
    );
  }

  return {
    outcome: "issue",
    description,
    condition: conditionParts.join(" "),
    furtherInformation: furtherInformation(kinds, facts),
    action: actionFor(nodes, kinds, facts),
    affected,
    evidence: capEvidence(ts.failureEvidence),
    references: kinds.selfSigned ? [bugReference("CSCwa12905")] : [],
  };
}

function groupByNode(groups: VerificationFailureGroup[]): Node[] {
  const byKey = new Map<string, Node>();
  for (const g of groups) {
    const key = `${g.host ?? ""}\u0000${g.ip ?? ""}\u0000${g.port ?? ""}`;
    let node = byKey.get(key);
    if (!node) {
      node = { host: g.host, ip: g.ip, port: g.port, groups: [] };
      byKey.set(key, node);
    }
    node.groups.push(g);
  }
  return [...byKey.values()].sort(
    (a, b) => (a.host ?? a.ip ?? "").localeCompare(b.host ?? b.ip ?? "") || (a.port ?? 0) - (b.port ?? 0),
  );
}

function toAffected(node: Node): Affected {
  let first: string | null = null;
  let last: string | null = null;
  for (const g of node.groups) {
    if (g.firstSeen && (first === null || Date.parse(g.firstSeen) < Date.parse(first))) first = g.firstSeen;
    if (g.lastSeen && (last === null || Date.parse(g.lastSeen) > Date.parse(last))) last = g.lastSeen;
  }
  return {
    host: node.host,
    ip: node.ip,
    port: node.port,
    service: serviceForPort(node.port),
    reason: [...new Set(node.groups.map(reasonFor))].join("; "),
    count: node.groups.reduce((s, g) => s + g.count, 0),
    firstSeen: first,
    lastSeen: last,
    ...peersOf(node.groups.flatMap((g) => g.peers ?? [])),
  };
}

/** Only worth showing when the bundle holds several peers' logs. */
function peersOf(list: string[]): { peers?: string[] } {
  const peers = [...new Set(list)].sort();
  return peers.length > 0 ? { peers } : {};
}

export function reasonFor(g: VerificationFailureGroup): string {
  if (g.cause === "sni_not_in_certificate") return `SNI ${g.sni ?? g.ip ?? g.host} not in certificate`;
  const depth = g.depth ?? 0;
  const at = g.depth === null ? "" : ` (depth ${g.depth})`;
  switch (g.errorKind) {
    case "self_signed":
      return depth === 0 ? "self signed certificate (depth 0): the CA is not trusted" : `unknown CA in chain (depth ${depth})`;
    case "self_signed_in_chain":
      return `unknown CA in chain${at}: its self-signed root is not trusted`;
    case "unknown_issuer":
      return depth === 0 ? "issuing CA not trusted (depth 0)" : `unknown CA in chain${at}`;
    case "expired":
      return `certificate has expired${at}`;
    case "not_yet_valid":
      return `certificate is not yet valid${at}`;
    default:
      return `${g.error ?? "certificate verification failed"}${at}`;
  }
}

/** The certificate the capture shows the node presenting on that port (only when a capture saw it). */
function withPresentedCertificate(a: Affected, node: Node, facts: Reads): Affected {
  const sni = node.groups.some((g) => g.cause === "sni_not_in_certificate");
  const connectAddress = node.groups.find((g) => g.sni)?.sni ?? node.ip;
  const certificate = presentedCertificate(facts.tls?.details, node, { withSan: sni, connectAddress: sni ? connectAddress : null });
  return certificate ? { ...a, certificate } : a;
}

type Kinds = { selfSigned: boolean; chain: boolean; expired: boolean; sni: boolean; other: boolean; verify: number; sniCount: number };

function failureKinds(groups: VerificationFailureGroup[]): Kinds {
  const k: Kinds = { selfSigned: false, chain: false, expired: false, sni: false, other: false, verify: 0, sniCount: 0 };
  for (const g of groups) {
    if (g.cause === "sni_not_in_certificate") {
      k.sni = true;
      k.sniCount += g.count;
      continue;
    }
    k.verify += g.count;
    if (g.errorKind === "self_signed" && (g.depth ?? 0) === 0) k.selfSigned = true;
    else if (g.errorKind === "expired" || g.errorKind === "not_yet_valid") k.expired = true;
    else if (g.errorKind === "self_signed" || g.errorKind === "self_signed_in_chain" || g.errorKind === "unknown_issuer") k.chain = true;
    else k.other = true;
  }
  return k;
}

function describeKinds(k: Kinds): string {
  const parts: string[] = [];
  if (k.verify > 0) parts.push(`${k.verify} \`Core server certificate verification failed\` warning${k.verify === 1 ? "" : "s"}`);
  if (k.sniCount > 0) parts.push(`${k.sniCount} \`SNI (...) not in certificate\` warning${k.sniCount === 1 ? "" : "s"}`);
  return parts.join(" and ");
}

function impactOf(nodes: Node[]): string {
  const ports = new Set(nodes.map((n) => n.port));
  const effects: string[] = [];
  if (ports.has(8443)) effects.push("UDS requests on 8443 fail, so MRA sign-in, user and device lookups and contact search break");
  if (ports.has(6970) || ports.has(6971) || ports.has(6972)) {
    effects.push("the TFTP download over HTTPS (6972) fails, so clients cannot fetch their configuration file (`CSF<user>.cnf.xml`) and phone services do not come up");
  }
  if (ports.has(443)) effects.push("requests to Unity Connection (443) fail, so visual voicemail is missing");
  if (ports.has(7400)) effects.push("XCP (7400) connections to IM&P fail, so presence and chat break");
  if (effects.length === 0) return "";
  return `${effects.join("; ")}.`;
}

function furtherInformation(k: Kinds, facts: Reads): string {
  const parts: string[] = [
    "What the log lines mean: `Core server certificate verification failed for (<name>) ... Error=<OpenSSL error> server=<host>(<ip>) depth=<n>` is logged when OpenSSL cannot build a trusted chain for the node's certificate; `depth=0` is the node's own certificate (typically self-signed), `depth>0` a CA above it that is not in the Expressway trust store. `SNI (<address>) not in certificate` means the certificate does not name the address the traffic server connected to. Each is followed by `SSL connection failed ... certificate verify failed` (OpenSSL 1.1 `error:1416F086`, OpenSSL 3 `error:0A000086`) and a `502 connect failed` to the client.",
    "The port of each failure is that of the request the traffic server had just sent to the same address (or, failing that, the port in the MRA request's target): 8443 is CUCM / IM&P Tomcat (UDS, web services), 6970-6972 TFTP over HTTP/HTTPS, 443 Unity Connection, 7400 the IM&P XCP router.",
  ];
  if (k.selfSigned || k.chain) {
    parts.push(
      "From X14.2, a fresh install or an upgrade from a version below X14.0 prefers ECDSA ciphers: CUCM then presents its Tomcat-ECDSA / CallManager-ECDSA certificate (self-signed by default, CN like `cucm-EC.<domain>`), which must be trusted as well even if the RSA Tomcat certificate already is.",
    );
    const ciphers = configValues(facts, HTTPS_CLIENT_CIPHERS_KEY)[0]?.value;
    if (ciphers !== undefined) {
      parts.push(
        ciphers.startsWith(RSA_FIRST)
          ? "This Expressway's HTTPS client cipher string already starts with `ECDHE-RSA-AES256-GCM-SHA384:`, so CUCM is asked for its RSA certificate."
          : "This Expressway's HTTPS client cipher string does not start with `ECDHE-RSA-AES256-GCM-SHA384:`, so an ECDSA certificate may be the one presented.",
      );
    }
  }
  if (k.selfSigned) {
    parts.push(
      "Expressway will not store two trusted CA certificates with the same CN (CSCwa12905). Self-signed certificates of several CUCM nodes can collide; then use CA-signed certificates, distinct CNs, or one multi-server certificate (CUCM 14 can also reuse the Tomcat certificate for CallManager).",
    );
  }
  if (k.sni) {
    parts.push(
      "SNI failures usually mean CUCM is defined by IP address under System > Server, so Expressway-C discovered and connects to the IP, while the certificate only names FQDNs.",
    );
  }
  return parts.join("\n\n");
}

function actionFor(nodes: Node[], k: Kinds, facts: Reads): string {
  const steps: string[] = [];
  const list = (pred: (g: VerificationFailureGroup) => boolean) =>
    nodes
      .filter((n) => n.groups.some(pred))
      .map((n) => nodeLabel({ host: n.host, ip: n.ip, port: n.port, service: serviceForPort(n.port) }))
      .join(", ");

  if (k.selfSigned) {
    steps.push(
      `Self-signed certificate at depth 0 (${list((g) => g.cause === "untrusted_certificate" && g.errorKind === "self_signed" && (g.depth ?? 0) === 0)}): download the certificate that node presents on that port from Cisco Unified OS Administration > Security > Certificate Management (tomcat, or tomcat-ECDSA when ECDSA is negotiated) and upload it on every Expressway-C cluster peer under ${TRUSTED_CA_PATH}. Better: have the node's certificate signed by a CA that Expressway-C already trusts.`,
    );
  }
  if (k.chain) {
    steps.push(
      `Unknown CA in the chain (${list((g) => g.cause === "untrusted_certificate" && (g.errorKind === "unknown_issuer" || g.errorKind === "self_signed_in_chain" || (g.errorKind === "self_signed" && (g.depth ?? 0) > 0)))}): upload the complete CA chain that signed the node's certificate (root and every intermediate) on every Expressway-C cluster peer under ${TRUSTED_CA_PATH}.`,
    );
  }
  if (k.expired) {
    steps.push(
      `Expired or not yet valid certificate (${list((g) => g.errorKind === "expired" || g.errorKind === "not_yet_valid")}): renew it on the node (Cisco Unified OS Administration > Security > Certificate Management), restart the service that uses it, and if it is self-signed upload the new certificate under ${TRUSTED_CA_PATH} on every Expressway-C peer. If the date looks right on the node, check the Expressway's NTP status.`,
    );
  }
  if (k.other) {
    steps.push(
      `Other verification errors (${list((g) => g.cause === "untrusted_certificate" && g.errorKind === "other")}): check the node's certificate against the OpenSSL error shown, then re-upload its signing CA under ${TRUSTED_CA_PATH} on every peer.`,
    );
  }
  if (k.sni) {
    steps.push(
      `Address not in certificate (${list((g) => g.cause === "sni_not_in_certificate")}): either add that address to the certificate's Subject Alternative Names (new CSR, re-sign, upload to the node), or better advertise the servers by FQDN: in Cisco Unified CM Administration, System > Server, change each server's Host Name/IP Address to the FQDN its certificate carries, then on Expressway-C go to Configuration > Unified Communications > Unified CM servers (and IM and Presence Service nodes / Unity Connection servers as needed) and click Refresh servers.`,
    );
  }
  steps.push("Then reproduce the MRA sign-in and check that the traffic server no longer logs verification failures (run a new bundle through this analysis).");
  const offAlready = configValues(facts, VERIFY_ORIGIN_SERVER_KEY).some((v) => v.value.trim().toLowerCase() === "off");
  steps.push(
    offAlready
      ? `Once fixed, turn verification back on with ${UNDO_WORKAROUND}.`
      : `Stopgap only, if users must be restored before the certificates are fixed: on the Expressway-C CLI run ${WORKAROUND}. It restores pre-X14.2 behaviour and with it the exposure to a man-in-the-middle between Expressway-C and CUCM / IM&P / Unity Connection; revert with ${UNDO_WORKAROUND} as soon as the certificates are trusted.`,
  );
  return steps.map((s, i) => `${i + 1}. ${s}`).join("\n");
}

// ---- other outcomes ------------------------------------------------------------------------

function missingVersion(facts: Reads, offSettings: Located<string>[]): SignatureEvaluation {
  const noLogs = facts.logFiles.length === 0 || facts.trafficServer.lineCount === 0;
  const hasXstat = facts.files.some((f) => f.kind === "xstat");
  const missing = noLogs ? "the Expressway software version and the traffic server's logs" : "the Expressway software version";
  return {
    outcome: "missing",
    description: `This check needs ${missing}. ${hasXstat ? "The xstat_dump in the bundle has no SystemUnit > Software > Version" : "The bundle has no xstat_dump (where SystemUnit > Software > Version is recorded)"} and no log line carries the version${noLogs ? "; there is no traffic_server log line either" : ""}. Without the version it cannot tell whether the X14.2 certificate verification applies.${offSettings.length > 0 ? ` Note that the configuration dump has ${WORKAROUND}, so certificate verification is switched off.` : ""}`,
    condition: `No software version found${noLogs ? "; no traffic_server log lines either" : ""}. No certificate verification failure was logged.`,
    furtherInformation:
      "A bundle made after a restart, or a bare loggingsnapshot upload, holds only the log. A full diagnostic bundle includes xstat_dump (status, with the version) and xconf_dump (configuration).",
    action: `Upload the full bundle from the Expressway-C: ${COLLECT_STEPS} The version is also shown under Status > System > Information.`,
    evidence: [],
  };
}

function notApplicable(facts: Reads): SignatureEvaluation {
  const v = facts.version!;
  return {
    outcome: "not_applicable",
    description: `The Expressway runs ${v.value}, below X14.2.0: its traffic server verifies a CUCM, IM&P or Unity Connection certificate only when that node was added with TLS verify mode On, so the X14.2 change does not apply yet.`,
    condition: `Software version ${v.value} < X14.2.0.`,
    furtherInformation:
      "It will apply after an upgrade to X14.2 or later: every node's certificate is then verified on every request, and an untrusted one breaks MRA sign-in, TFTP configuration download (6972) or voicemail with `502 connect failed`.",
    action: `Before upgrading to X14.2 or later, make sure Expressway-C trusts the certificates of every CUCM, IM&P and Unity Connection node (Tomcat, and the ECDSA variants: X14.2 prefers ECDSA on a fresh install or an upgrade from below X14.0): upload them or their CA chains under ${TRUSTED_CA_PATH} on every cluster peer, and make sure each certificate names the address (FQDN or IP) the nodes are defined with.`,
    evidence: v.source ? [{ file: v.source.file, line: v.source.line, text: v.source.text }] : [],
  };
}

function potential(facts: Reads, offSettings: Located<string>[]): SignatureEvaluation {
  const ts = facts.trafficServer;
  const passed = ts.forwardedRequestCount > 0 ? ` During the logging period it forwarded ${plural(ts.forwardedRequestCount, "request")} this way.` : "";
  return {
    outcome: "potential",
    description: `${WORKAROUND} is set on this ${facts.version?.value ?? "X14.2+"} Expressway-C: the X14.2 workaround is active and the traffic server proxies MRA requests to CUCM, IM&P and Unity Connection without verifying their certificates.${passed} MRA works, but a man-in-the-middle between Expressway-C and those servers could impersonate them and read or alter what passes: user credentials and OAuth tokens, UDS data, TFTP configuration files and voicemail.`,
    condition: `${VERIFY_ORIGIN_SERVER_KEY} is Off (xconf_dump) on X14.2 or later, and no verification failure was logged.`,
    furtherInformation:
      "The setting restores pre-X14.2 behaviour (CSCwc69661, CSCwa25108), meant as a short-term measure while the certificates of the internal servers are made trusted. With it Off this bundle cannot show which certificates would fail.",
    action: [
      `1. Make every CUCM, IM&P and Unity Connection certificate verifiable: upload self-signed certificates or the CA chains on every Expressway-C cluster peer under ${TRUSTED_CA_PATH} (remember the ECDSA certificates, CN like \`cucm-EC.<domain>\`, and the duplicate-CN limitation CSCwa12905), and make sure each certificate names the address the node is defined with.`,
      `2. Turn verification back on: ${UNDO_WORKAROUND}.`,
      `3. Reproduce an MRA sign-in with diagnostic logging running and check this analysis for verification failures; if any appear, fix them (or set ${WORKAROUND} again while you do).`,
    ].join("\n"),
    evidence: offSettings.filter((s) => s.source).map((s) => ({ file: s.source!.file, line: s.source!.line, text: s.source!.text })),
    references: [bugReference("CSCwa12905")],
  };
}

function missingTrafficServerLogs(facts: Reads): SignatureEvaluation {
  const noLog = facts.logFiles.length === 0;
  return {
    outcome: "missing",
    description: `${noLog ? "The bundle has no loggingsnapshot log" : "The log has no line from the traffic server (traffic_server)"}, so this check cannot see whether the Expressway-C verifies its CUCM, IM&P and Unity Connection certificates successfully. The Expressway runs ${facts.version?.value}, where that verification is enforced.`,
    condition: noLog ? "No log file in the bundle." : "No traffic_server lines in the log (and no verification failure).",
    furtherInformation:
      "The traffic server runs on Expressway-C and logs its requests when `network.http.trafficserver` is at DEBUG; a bundle from an Expressway-E, or one taken without an MRA sign-in during the logging period, has none.",
    action: COLLECT_STEPS,
    evidence: [],
  };
}

/**
 * traffic_server lines are there but could not be read (a prefix or message layout the reader does
 * not know): say so, instead of "no failure" or "no traffic server lines".
 */
function unreadableTrafficServer(facts: Reads): SignatureEvaluation | null {
  const ts = facts.trafficServer;
  const unreadPrefix = facts.reading.reduce((n, r) => n + (r.unreadableFamilies.traffic_server ?? 0), 0);
  const unreadMessage = ts.unread.reduce((n, u) => n + u.count, 0);
  const read = ts.lineCount - unreadMessage;
  if (unreadPrefix + unreadMessage === 0 || read > 0) return null;
  const samples = [...ts.unread.flatMap((u) => u.samples)].slice(0, 3);
  return {
    outcome: "missing",
    description: `The log has ${plural(unreadPrefix + unreadMessage, "traffic_server line")}, but in a layout this analyser cannot read, so it cannot tell whether the traffic server's certificate checks towards CUCM, IM&P and Unity Connection succeed. The Expressway runs ${facts.version?.value}, where that verification is enforced.`,
    condition: "traffic_server lines present but unreadable (see the reading report: lines not understood).",
    furtherInformation: "The reading report on this page lists the lines not understood, masked. A layout the analyser does not know is a defect of the analyser: report the bundle to the portal's maintainers.",
    action: "No action on the Expressway; the analyser needs to learn this layout.",
    evidence: samples.map((s) => ({ file: s.file, line: s.line, text: s.text })),
  };
}

function missingRequests(facts: Reads): SignatureEvaluation {
  return {
    outcome: "missing",
    description: `The traffic server wrote ${plural(facts.trafficServer.lineCount, "line")} but none shows an MRA request being proxied, so it is unknown whether the certificates of CUCM, IM&P and Unity Connection verify. No verification failure was logged.`,
    condition: "traffic_server lines present, no proxied MRA request, no verification failure.",
    furtherInformation: "Requests are only logged with `network.http.trafficserver` at DEBUG, and only if a remote client signed in while logging ran.",
    action: COLLECT_STEPS,
    evidence: [],
  };
}

function ok(facts: Reads): SignatureEvaluation {
  const ts = facts.trafficServer;
  const targets = distinctTargets(facts);
  const bag = new EvidenceBag(5);
  for (const r of ts.requests.slice(0, 20)) bag.add(r.source.file, r.source.line, r.source.text);
  return {
    outcome: "ok",
    description: `The traffic server proxied ${plural(Math.max(ts.mraRequestCount, ts.forwardedRequestCount), "MRA request")}${targets ? ` (to ${targets})` : ""} and logged no certificate verification failure: the nodes it contacted presented certificates Expressway-C trusts and that name the address it connected to.`,
    condition: `Version ${facts.version?.value} (X14.2 or later), ${VERIFY_ORIGIN_SERVER_KEY} not Off, proxied requests logged, no \`Core server certificate verification failed\` or \`SNI (...) not in certificate\` warning.`,
    furtherInformation:
      "Only the nodes and ports contacted during the logging period were checked. A node not used then (another CUCM subscriber, Unity Connection, IM&P) can still fail; sign in with a user homed on each and test voicemail to cover them.",
    action: "No action needed.",
    evidence: bag.list(),
  };
}

// ---- helpers -------------------------------------------------------------------------------

function distinctTargets(facts: Reads): string {
  const seen = new Set<string>();
  for (const r of facts.trafficServer.requests) {
    const host = r.target?.host ?? r.dstIp;
    const port = r.target?.port ?? r.dstPort;
    if (host) seen.add(port ? `${host}:${port}` : host);
    if (seen.size >= 6) break;
  }
  return [...seen].join(", ");
}

function nodeLabel(a: Pick<Affected, "host" | "ip" | "port" | "service">): string {
  let s = a.host ?? a.ip ?? "unknown server";
  if (a.ip && a.host && a.ip !== a.host) s += ` (${a.ip})`;
  if (a.port !== null) s += ` port ${a.port}`;
  if (a.service && a.port !== null) s += ` [${a.service.replace(/ \(\d+\)$/, "")}]`;
  return s;
}

function periodOf(groups: VerificationFailureGroup[]): string {
  const first = groups.map((g) => g.firstSeen).filter((t): t is string => t !== null).sort((a, b) => Date.parse(a) - Date.parse(b))[0];
  const last = groups.map((g) => g.lastSeen).filter((t): t is string => t !== null).sort((a, b) => Date.parse(b) - Date.parse(a))[0];
  if (!first || !last) return "";
  return first === last ? ` at ${first}` : ` between ${first} and ${last}`;
}

function capEvidence(list: Evidence[]): Evidence[] {
  return list.slice(0, MAX_EVIDENCE);
}

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? "" : "s"}`;
}
