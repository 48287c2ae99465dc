// One server presenting different certificates on different ports, seen in the capture. Normal on
// CUCM (tomcat vs. callmanager), but the X14.2 change makes CUCM present its ECDSA certificate
// (often self-signed, CN like cucm-EC.<domain>) where the RSA one used to be: a node whose ports
// differ in key type or in trust is pointed out. Outcomes: missing (no capture / nothing visible)
// > potential (key type, self-signed or trust differ) > ok (same certificate, or equally trusted ones).
import type { TlsCertificate, TlsDetails, TlsServer } from "@/lib/results/tls";
import type { Facts } from "@/lib/facts/facts";
import { configValues } from "@/lib/facts/facts";
import { certificatePhrase, leafOf, trustPhrase } from "@/lib/facts/presented-certificate";
import { keyLabel } from "@/lib/facts/tls-facts";
import { captureDetails, missingCapture, missingVisibleCertificate, plural, serverAffected } from "@/lib/signatures/capture-common";
import { type SignatureEvaluation, defineSignature } from "@/lib/signatures/signature";

const WHAT = "which certificate each server presented on each port";
const RSA_FIRST = "ECDHE-RSA-AES256-GCM-SHA384:";

type Reads = Pick<Facts, "tls" | "config">;

export const tlsCertificateDiffersByPort = defineSignature(
  {
    id: "tls-certificate-differs-by-port",
    version: 1,
    defects: [],
    title: "A server presents different certificates on different ports (ECDSA / RSA split after X14.2)",
    severity: "medium",
    category: "misconfiguration",
    outcomes: ["potential", "ok", "missing"],
    area: "Certificates (packet capture)",
    summary: "Reads the certificate each server presented on each port in the bundle's packet captures and points out a node whose ports differ in key type, self-signed state or trust: the ECDSA / RSA split after an upgrade to X14.2.",
    products: ["Expressway-C", "Expressway-E"],
    appliesTo: { from: "X14.2.0", below: null },
    reads: ["tls", "config"],
    inputs: ["packet captures: certificate presented per server and port", "xConfiguration Ciphers HTTPSClientTls (xconf_dump)"],
  },
  evaluate,
);

type PortCert = { server: TlsServer; leaf: TlsCertificate; trusted: boolean | null };

function evaluate(facts: Reads): SignatureEvaluation {
  const details = captureDetails(facts);
  if (!details) return missingCapture(WHAT);
  const none = missingVisibleCertificate(details, WHAT);
  if (none) return none;

  const nodes = splitNodes(details);
  const risky = nodes.filter((ports) => {
    const keys = new Set(ports.map((p) => p.leaf.keyType));
    const selfSigned = new Set(ports.map((p) => p.leaf.selfSigned));
    const trust = new Set(ports.map((p) => p.trusted).filter((t) => t !== null));
    return keys.size > 1 || selfSigned.size > 1 || trust.size > 1;
  });
  const describeNode = (ports: PortCert[]) =>
    `${ports[0].server.ip}: ${ports.map((p) => `${p.server.port} presented ${certificatePhrase(p.leaf)}${trustPhrase(p.leaf, p.trusted) ? `, ${trustPhrase(p.leaf, p.trusted)}` : ""}`).join("; ")}`;

  if (risky.length > 0) {
    const ecdsa = risky.some((ports) => ports.some((p) => p.leaf.keyType === "EC") && ports.some((p) => p.leaf.keyType !== "EC"));
    const ciphers = configValues(facts, "Ciphers HTTPSClientTls Value")[0]?.value;
    const further = [
      "CUCM, IM&P and Unity Connection hold separate certificates per service (tomcat, callmanager, …) and, since CUCM 11.5, an ECDSA variant of each (tomcat-ECDSA, CallManager-ECDSA), self-signed by default with a CN like `cucm-EC.<domain>`. Which one a port presents depends on the cipher the client negotiates.",
      "From X14.2 a fresh Expressway install or an upgrade from below X14.0 prefers ECDSA ciphers, so CUCM presents the ECDSA certificate on ports where the RSA one used to be seen, and the traffic server verifies it (CSCwc69661): it must be trusted as well.",
    ];
    if (ciphers !== undefined) {
      further.push(
        ciphers.startsWith(RSA_FIRST)
          ? "This Expressway's HTTPS client cipher string already starts with `ECDHE-RSA-AES256-GCM-SHA384:` (RSA preferred)."
          : "This Expressway's HTTPS client cipher string does not start with `ECDHE-RSA-AES256-GCM-SHA384:`, so ECDSA is preferred where the server offers it.",
      );
    }
    return {
      outcome: "potential",
      description: `${plural(risky.length, "server")} presented different certificates on different ports${ecdsa ? ", ECDSA on some and RSA on others" : ""}: ${risky.map(describeNode).join(". ")}. A client that trusts the certificate on one port can still fail on the other.`,
      condition: "One server address, several ports, leaf certificates differing in key type, self-signed state or trust.",
      furtherInformation: further.join("\n\n"),
      action: [
        "1. Make every certificate the node presents trusted: upload the self-signed ones (e.g. tomcat-ECDSA, downloaded from Cisco Unified OS Administration > Security > Certificate Management) or their CA chains on every Expressway-C peer under Maintenance > Security > Trusted CA certificate; better, have the ECDSA certificates CA-signed too.",
        `2. Or restore RSA preference on the Expressway: prefix the HTTPS client cipher string with \`${RSA_FIRST}\` (Maintenance > Security > Ciphers, HTTPS client ciphers).`,
        "3. Take a new diagnostic log with tcpdump and check that both ports present trusted certificates.",
      ].join("\n"),
      affected: risky.flat().map((p) => serverAffected(details, p.server, `${keyLabel(p.leaf)}${p.leaf.selfSigned ? ", self-signed" : ""}, CN ${p.leaf.subjectCN ?? "–"} (differs from its other ports)`)),
      evidence: [],
    };
  }
  if (nodes.length > 0) {
    return {
      outcome: "ok",
      description: `${plural(nodes.length, "server")} presented different certificates on different ports, all of the same key type and equally trusted: ${nodes.map(describeNode).join(". ")}.`,
      condition: "Certificates differ per port, but not in key type, self-signed state or trust.",
      furtherInformation: "Separate certificates per service are normal on CUCM (tomcat for 8443 / 6972, callmanager for 5061).",
      action: "No action needed.",
      evidence: [],
    };
  }
  const multi = new Set(details.servers.filter((s) => s.chains.length > 0).map((s) => s.ip));
  return {
    outcome: "ok",
    description: `Each server in the capture presented one certificate on all the ports seen (${plural(multi.size, "server")}).`,
    condition: "No server presented different leaf certificates on different ports.",
    furtherInformation: "Only ports contacted during the capture, over TLS 1.2 or earlier, were seen.",
    action: "No action needed.",
    evidence: [],
  };
}

/** Servers (by address) whose ports presented more than one distinct leaf certificate. */
function splitNodes(details: TlsDetails): PortCert[][] {
  const byIp = new Map<string, PortCert[]>();
  for (const s of details.servers) {
    const leaf = leafOf(details, s);
    if (!leaf) continue;
    const list = byIp.get(s.ip) ?? [];
    list.push({ server: s, leaf, trusted: s.chains[0].trusted });
    byIp.set(s.ip, list);
  }
  return [...byIp.values()].filter((ports) => new Set(ports.map((p) => p.leaf.fingerprint)).size > 1);
}
