// CUCM (or IM&P) does not trust Expressway-C's certificate: it answers the TLS handshake with
// `tlsv1 alert unknown ca`, so SIP over TLS (5061) and secure registrations over MRA fail.
import type { Facts } from "@/lib/facts/facts";
import { serviceForPort } from "@/lib/facts/mra-services";
import { collectSteps, field, listEntities, period, phraseEvaluation, plural, processLines, toPort } from "@/lib/signatures/helpers";
import { type SignatureEvaluation, defineSignature } from "@/lib/signatures/signature";

type Reads = Pick<Facts, "events" | "logFiles">;

export const cucmUntrustedExpresswayC = defineSignature(
  {
    id: "cucm-untrusted-expressway-c",
    version: 1,
    defects: [],
    title: "CUCM does not trust the Expressway-C certificate (tlsv1 alert unknown ca)",
    severity: "high",
    category: "misconfiguration",
    outcomes: ["issue", "ok", "missing"],
    area: "SIP / TLS",
    summary: "Finds TLS handshakes the far end refused with `alert unknown ca`: the CUCM / IM&P node does not trust the CA that signed the Expressway-C certificate.",
    products: ["Expressway-C"],
    reads: ["events", "logFiles"],
    inputs: ["tvcs TLS negotiation events (Event Log)", "traffic_server SSL errors"],
    needles: ["alert unknown ca"],
  },
  evaluate,
);

function evaluate(facts: Reads): SignatureEvaluation {
  return phraseEvaluation(facts, {
    kinds: ["tls_unknown_ca"],
    entity: (e) => {
      const outbound = (field(e, "Event") ?? "").startsWith("Outbound") || field(e, "Dst-port") === "5061";
      const ip = outbound ? field(e, "Dst-ip") : (field(e, "Src-ip") ?? field(e, "Dst-ip"));
      const port = toPort(outbound ? field(e, "Dst-port") : (field(e, "Src-port") ?? field(e, "Dst-port")));
      const name = field(e, "Common-name", "Peer-name", "Host") ?? /for '([^']+)'/.exec(e.text)?.[1] ?? null;
      return { host: name, ip, port, service: serviceForPort(port), reason: "rejected Expressway-C's certificate: unknown CA" };
    },
    covered: processLines(facts, (p) => p === "tvcs" || p.startsWith("traffic_server")) > 0,
    issue: (affected) => ({
      description: `${plural(affected.length, "server")} refused the Expressway-C certificate with \`tlsv1 alert unknown ca\`${period(affected)}: ${listEntities(affected)}. The far end (CUCM or IM&P) does not trust the CA that signed the Expressway-C server certificate, so SIP over TLS to it fails: MRA registrations, calls and presence break.`,
      condition: "TLS handshakes ended with `alert unknown ca` sent by the peer.",
      furtherInformation:
        "The alert is sent by the side that cannot verify the certificate it received. When Expressway-C connects to CUCM on 5061 (or CUCM to Expressway-C), CUCM checks the Expressway-C certificate against its CallManager-trust store; IM&P uses cup-trust / cup-xmpp-trust.",
    action: [
        "1. On every CUCM node: Cisco Unified OS Administration > Security > Certificate Management > Upload Certificate, purpose `CallManager-trust` (and `tomcat-trust`), the root and intermediate CA certificates that signed the Expressway-C certificate (Maintenance > Security > Server certificate on the Expressway-C).",
        "2. For IM&P: upload them as `cup-trust` and `cup-xmpp-trust`.",
        "3. Restart the Cisco CallManager and Cisco TFTP services (or Cisco XCP Router on IM&P) as the upload page says, then retest.",
      ].join("\n"),
    }),
    ok: () => ({
      description: "No TLS handshake was refused with `alert unknown ca` in the logs.",
      condition: "tvcs / traffic_server lines present, no `alert unknown ca`.",
      furtherInformation: "Only connections made during the logging period were checked.",
      action: "No action needed.",
    }),
    missing: () => ({
      description: "The bundle has no tvcs or traffic_server log lines, so refused TLS handshakes cannot be seen.",
      condition: "No log, or no tvcs / traffic_server lines.",
      furtherInformation: "TLS negotiation errors are Event Log lines written by tvcs.",
      action: collectSteps(["network.sip"], "reproduce the failing registration or call over MRA"),
    }),
  });
}
