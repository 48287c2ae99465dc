// Inbound TLS refused because of the client's certificate: a self-signed CA in its chain that is
// not trusted, or no certificate at all (missing TLS Web Client Authentication EKU on mutual TLS).
import type { Facts } from "@/lib/facts/facts";
import type { LogEvent } from "@/lib/facts/log-events";
import { collectSteps, field, listEntities, period, phraseEvaluation, plural, processLines, toPort } from "@/lib/signatures/helpers";
import { type SignatureEvaluation, defineSignature } from "@/lib/signatures/signature";

const SELF_SIGNED = "self signed certificate in certificate chain";
const NO_CERT = "no certificate returned";

type Reads = Pick<Facts, "events" | "logFiles">;

export const inboundTlsCertificate = defineSignature(
  {
    id: "inbound-tls-certificate",
    version: 1,
    defects: [],
    title: "Inbound TLS refused: client certificate chain not trusted or no client certificate",
    severity: "high",
    category: "misconfiguration",
    outcomes: ["issue", "ok", "missing"],
    area: "SIP / TLS",
    summary:
      "Finds inbound TLS negotiation errors caused by the connecting side's certificate: `self signed certificate in certificate chain` (its root CA is not trusted) and `no certificate returned` (no client certificate, typically one without the TLS Web Client Authentication EKU).",
    products: ["Expressway-C", "Expressway-E"],
    reads: ["events", "logFiles"],
    inputs: ["tvcs TLS negotiation events (Event Log)"],
    needles: [SELF_SIGNED, "self-signed certificate in certificate chain", NO_CERT],
  },
  evaluate,
);

const isInbound = (e: LogEvent) => e.process !== null && !e.process.startsWith("traffic_server") && !/Outbound/.test(field(e, "Event") ?? "");

function evaluate(facts: Reads): SignatureEvaluation {
  return phraseEvaluation(facts, {
    kinds: ["tls_self_signed_in_chain", "tls_no_certificate_returned"],
    filter: isInbound,
    entity: (e) => {
      const port = toPort(field(e, "Dst-port"));
      const noCert = e.kind === "tls_no_certificate_returned";
      return {
        host: field(e, "Common-name", "Peer-name"),
        ip: field(e, "Src-ip"),
        port,
        service: port ? `${field(e, "Service") ?? "SIP"} TLS (${port})` : "TLS",
        reason: noCert ? "no client certificate returned (missing client-auth EKU?)" : "self-signed CA in the client's chain is not trusted",
      };
    },
    covered: processLines(facts, (p) => p === "tvcs") > 0,
    issue: (affected, events) => {
      const noCert = events.some((e) => e.kind === "tls_no_certificate_returned");
      const chain = events.some((e) => e.kind === "tls_self_signed_in_chain");
      const steps: string[] = [];
      if (chain) {
        steps.push(
          "Self-signed certificate in the chain: upload the connecting server's root (and intermediate) CA certificates under Maintenance > Security > Trusted CA certificate on every peer of this Expressway, or have its certificate signed by a CA this Expressway already trusts.",
        );
      }
      if (noCert) {
        steps.push(
          "No certificate returned: the connecting side (often an Expressway-C peer, CUCM or a third-party SBC) presented no client certificate. Its server certificate must carry the TLS Web Client Authentication extended key usage as well as TLS Web Server Authentication: re-issue it from a CSR with both EKUs (Maintenance > Security > Server certificate > Generate CSR on Expressway).",
        );
      }
      return {
        description: `This Expressway refused inbound TLS from ${plural(affected.length, "peer")}${period(affected)}: ${listEntities(affected)}.`,
        condition: [chain ? `\`${SELF_SIGNED}\`` : null, noCert ? `\`${NO_CERT}\`` : null].filter(Boolean).join(" and ") + " in inbound TLS negotiation errors.",
        furtherInformation:
          "Mutual TLS (traversal zones, neighbor zones with TLS verify, MRA between peers) needs both sides to present a certificate the other trusts. The Src-ip of the event is the side whose certificate is at fault.",
        action: steps.map((s, i) => `${i + 1}. ${s}`).join("\n"),
      };
    },
    ok: () => ({
      description: "No inbound TLS negotiation error caused by the client's certificate in the logs.",
      condition: "tvcs lines present, no such error.",
      furtherInformation: "",
      action: "No action needed.",
    }),
    missing: () => ({
      description: "The bundle has no tvcs log lines, so inbound TLS negotiation errors cannot be seen.",
      condition: "No log, or no tvcs lines.",
      furtherInformation: "",
      action: collectSteps(["network.sip"], "reproduce the failing connection"),
    }),
  });
}
