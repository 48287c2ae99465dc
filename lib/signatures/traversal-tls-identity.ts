// Traversal zone TLS: the peer's certificate does not carry the name the zone expects
// ("Peer's TLS certificate identity was unacceptable"), so the traversal zone stays down.
import type { Facts } from "@/lib/facts/facts";
import { collectSteps, field, listEntities, period, phraseEvaluation, plural, processLines, toPort } from "@/lib/signatures/helpers";
import { type SignatureEvaluation, defineSignature } from "@/lib/signatures/signature";

type Reads = Pick<Facts, "events" | "logFiles">;

export const traversalTlsIdentity = defineSignature(
  {
    id: "traversal-tls-identity",
    version: 1,
    defects: [],
    title: "Traversal zone: the peer's TLS certificate identity was unacceptable",
    severity: "high",
    category: "misconfiguration",
    outcomes: ["issue", "ok", "missing"],
    area: "Traversal zone / TLS",
    summary:
      "Finds `Peer's TLS certificate identity was unacceptable`: the certificate of the Expressway at the other end of the traversal zone does not name the address the zone is configured with (TLS verify subject name).",
    products: ["Expressway-C", "Expressway-E"],
    reads: ["events", "logFiles"],
    inputs: ["tvcs TLS negotiation events (Event Log)"],
    needles: ["certificate identity was unacceptable"],
  },
  evaluate,
);

function evaluate(facts: Reads): SignatureEvaluation {
  return phraseEvaluation(facts, {
    kinds: ["tls_identity_unacceptable"],
    entity: (e) => {
      const inbound = (field(e, "Event") ?? "").startsWith("Inbound");
      const port = toPort(inbound ? field(e, "Dst-port") : field(e, "Dst-port"));
      return {
        host: field(e, "Common-name", "Peer-name"),
        ip: inbound ? field(e, "Src-ip") : field(e, "Dst-ip"),
        port,
        service: port ? `traversal / SIP TLS (${port})` : "traversal / SIP TLS",
        reason: `${inbound ? "inbound" : "outbound"}: certificate does not name the expected peer`,
      };
    },
    covered: processLines(facts, (p) => p === "tvcs") > 0,
    issue: (affected) => ({
      description: `TLS to ${plural(affected.length, "traversal peer")} failed because the peer's certificate identity was unacceptable${period(affected)}: ${listEntities(affected)}. The traversal zone cannot come up, so MRA (SIP registrations, calls) and B2B calls through it fail.`,
      condition: "tvcs logged `TLS Negotiation Error` with Detail `Peer's TLS certificate identity was unacceptable`.",
      furtherInformation:
        "On Expressway-C the traversal client zone's Peer address must match a name in the Expressway-E certificate (CN or SAN) when TLS verify mode is On. On Expressway-E the traversal server zone's `TLS verify subject name` must match the Expressway-C certificate; for clustered Expressway-C use a name all peers' certificates carry.",
      action: [
        "1. On Expressway-C, check Configuration > Zones > (traversal zone) > Peer 1..6 address: use the FQDN that appears in the Expressway-E certificate SAN (not an IP unless the IP is in the SAN).",
        "2. On Expressway-E, set the traversal server zone's `TLS verify subject name` to a name in the Expressway-C certificate (CN or SAN), or re-issue the certificate with that name.",
        "3. Check the zone status (Status > Zones) after the change.",
      ].join("\n"),
    }),
    ok: () => ({
      description: "No traversal TLS handshake was rejected for an unacceptable certificate identity.",
      condition: "tvcs lines present, no `certificate identity was unacceptable`.",
      furtherInformation: "",
      action: "No action needed.",
    }),
    missing: () => ({
      description: "The bundle has no tvcs log lines, so traversal zone TLS failures cannot be seen.",
      condition: "No log, or no tvcs lines.",
      furtherInformation: "TLS negotiation errors are Event Log lines written by tvcs on both Expressway-C and Expressway-E.",
      action: collectSteps(["network.sip"], "wait for the traversal zone to retry (or edit and save the zone)"),
    }),
  });
}
