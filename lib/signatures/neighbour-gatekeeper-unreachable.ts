// H.323 neighbours (neighbour zones, and the gatekeepers searched through them) do not answer
// location requests: `External Server Communications Failure` with Service="NeighbourGatekeeper".
// Requests to this Expressway's own cluster peers (xconf's Alternates, or the peers the log's
// replication and clusterdb lines name) are left to the cluster signature, which explains them (a
// peer down shows the same event, TN 217230).
import type { Facts } from "@/lib/facts/facts";
import { knownPeers, peerMatching } from "@/lib/signatures/cluster-common";
import { ESCF_NEEDLE, EVENTS_AND_LEVELS, externalServerEvaluation, externalServerFailures, externalTarget } from "@/lib/signatures/external-server-common";
import { type SignatureEvaluation, defineSignature } from "@/lib/signatures/signature";

export const neighbourGatekeeperUnreachable = defineSignature(
  {
    id: "neighbour-gatekeeper-unreachable",
    version: 1,
    defects: [],
    title: "H.323 neighbour gatekeeper does not answer",
    severity: "medium",
    category: "misconfiguration",
    outcomes: ["issue", "ok", "missing"],
    reads: ["events", "logFiles", "config", "clusterPeers"],
    area: "Zones and neighbours",
    summary: "Finds `External Server Communications Failure` with `Service=\"NeighbourGatekeeper\"` (e.g. `Reason=\"gatekeeper timed out\"`): an H.323 neighbour zone's peer does not answer location requests, so searches through that zone fail. Cluster peers are left to the cluster signature.",
    products: ["Expressway-C", "Expressway-E"],
    inputs: ["tvcs Event Log lines", "xconf_dump or the log's replication / clusterdb lines (cluster peers, to leave them out)"],
    needles: [ESCF_NEEDLE],
    references: [EVENTS_AND_LEVELS],
  },
  evaluate,
);

function evaluate(facts: Pick<Facts, "events" | "logFiles" | "config" | "clusterPeers">): SignatureEvaluation {
  const peers = knownPeers(facts);
  const failures = externalServerFailures(facts, ["NeighbourGatekeeper"], (e) => peerMatching(peers, externalTarget(e)) === null);
  return externalServerEvaluation(facts, {
    events: failures,
    service: "NeighbourGatekeeper",
    what: "an H.323 neighbour gatekeeper",
    consequence: "Location requests (LRQ) to it time out, so calls searched through that neighbour zone are not found, and every search waits for the timeout first.",
    action: [
      "1. Configuration > Zones: open the neighbour zone with this peer address and check Status (Active / Failed) and its H.323 port (1719).",
      "2. Check that the neighbour is running and allows UDP 1719 from this Expressway; remove peers that no longer exist.",
      "3. If the neighbour does not use H.323, turn H.323 off on that zone.",
    ].join("\n"),
    okNote: peers.length > 0 ? "Requests to this Expressway's own cluster peers are judged by the cluster communication signature." : undefined,
  });
}
