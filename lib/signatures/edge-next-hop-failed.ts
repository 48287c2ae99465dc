// Expressway-E answers MRA clients `502 Next Hop Connection Failed`: it cannot reach Expressway-C
// through the SSH tunnel of the Unified Communications traversal zone.
import type { Facts } from "@/lib/facts/facts";
import { expresswayRole } from "@/lib/facts/discovered-servers";
import { collectSteps, listEntities, period, phraseEvaluation, plural, processLines } from "@/lib/signatures/helpers";
import { type SignatureEvaluation, defineSignature } from "@/lib/signatures/signature";

type Reads = Pick<Facts, "events" | "logFiles" | "config" | "trafficServer">;

export const edgeNextHopFailed = defineSignature(
  {
    id: "edge-next-hop-failed",
    version: 1,
    defects: [],
    title: "Expressway-E cannot reach Expressway-C (502 Next Hop Connection Failed)",
    severity: "critical",
    category: "misconfiguration",
    outcomes: ["issue", "ok", "not_applicable", "missing"],
    area: "MRA / traversal",
    summary: "Finds `502 Next Hop Connection Failed` on Expressway-E: the SSH tunnel to Expressway-C over the Unified Communications traversal zone is down, so every MRA HTTPS request fails.",
    products: ["Expressway-E"],
    reads: ["events", "logFiles", "config", "trafficServer"],
    inputs: ["traffic_server responses on Expressway-E"],
    needles: ["Next Hop Connection Failed"],
  },
  evaluate,
);

function evaluate(facts: Reads): SignatureEvaluation {
  const role = expresswayRole(facts);
  const seen = (facts.events.counts.next_hop_failed ?? 0) > 0;
  if (!seen && role === "Expressway-C") {
    return {
      outcome: "not_applicable",
      description: "This bundle is from an Expressway-C; the next-hop failure is answered by Expressway-E. Check the Expressway-E bundle.",
      condition: "Expressway-C configuration (discovered Unified CM servers).",
      furtherInformation: "",
      action: "No action on this box.",
    };
  }
  return phraseEvaluation(facts, {
    kinds: ["next_hop_failed"],
    entity: (e) => ({ host: e.peer, ip: null, port: 8443, service: "MRA HTTPS (8443)", reason: "502 Next Hop Connection Failed: tunnel to Expressway-C down" }),
    covered: processLines(facts, (p) => p.startsWith("traffic_server")) > 0,
    issue: (affected) => ({
      description: `Expressway-E answered ${plural(affected.reduce((n, a) => n + a.count, 0), "MRA request")} with \`502 Next Hop Connection Failed\`${period(affected)}: ${listEntities(affected)}. Remote clients cannot sign in, fetch configuration or reach voicemail.`,
      condition: "`502 Next Hop Connection Failed` in the traffic server's responses.",
      furtherInformation:
        "Expressway-E forwards MRA HTTPS through an SSH tunnel that Expressway-C opens over the Unified Communications traversal zone (TCP 2222 from C to E). The tunnel is down when the traversal zone is down, when TCP 2222 is blocked, or when the zone's `Unified Communications services` is Off.",
      action: [
        "1. Status > Zones on both boxes: the Unified Communications traversal zone must be Active; fix its TLS / credentials first if not (see the traversal checks).",
        "2. Status > Unified Communications > `SSH tunnels` on Expressway-E must list each Expressway-C peer as Active.",
        "3. Allow TCP 2222 from Expressway-C to Expressway-E on the firewall; check with `netstat -an | grep 2222` from the root shell.",
      ].join("\n"),
    }),
    ok: () => ({
      description: "No request was answered with `502 Next Hop Connection Failed`.",
      condition: "traffic_server lines present, no next-hop failure.",
      furtherInformation: "",
      action: "No action needed.",
    }),
    missing: () => ({
      description: "The bundle has no traffic_server lines, so MRA responses on Expressway-E cannot be seen.",
      condition: "No log, or no traffic_server lines.",
      furtherInformation: "Take this bundle on the Expressway-E.",
      action: collectSteps(["developer.trafficserver", "network.http.trafficserver"], "sign in with Jabber / Webex over MRA"),
    }),
  });
}
