// The cluster database (clusterdb, an Erlang mnesia database) logged `Inconsistent Database`: the
// peers' copies diverged after a peer went down or the network partitioned, so replicated data
// (registrations, bandwidth, configuration) can differ between peers until they resynchronise.
import type { Facts } from "@/lib/facts/facts";
import { clusterDbLines, isClustered, remoteClusterNode } from "@/lib/signatures/cluster-common";
import { DIAGNOSTIC_LOGGING, eventsOf, evidenceOf, groupAffected, listEntities, period, plural } from "@/lib/signatures/helpers";
import { type SignatureEvaluation, defineSignature } from "@/lib/signatures/signature";

const TN_CLUSTER = { title: "Cisco TAC: What is Expressway Cluster and How it Works (TN 217230)", url: "https://www.cisco.com/c/en/us/support/docs/unified-communications/expressway/217230-what-is-expressway-cluster-and-how-it-wo.html" };

export const clusterDatabaseInconsistent = defineSignature(
  {
    id: "cluster-database-inconsistent",
    version: 1,
    defects: [],
    title: "Cluster database inconsistent between peers",
    severity: "high",
    category: "defect",
    outcomes: ["issue", "ok", "not_applicable", "missing"],
    reads: ["events", "logFiles", "lineFamilies", "config", "files", "hosts", "clusterPeers"],
    area: "Clustering",
    summary: "Finds `Module=\"developer.clusterdb...\"` errors `Detail=\"Inconsistent Database\"`: a peer's cluster database diverged from the others (peer down, network partition), so replicated data can differ between peers.",
    products: ["Expressway-C", "Expressway-E"],
    inputs: ["clusterdb lines of the log (`developer.clusterdb.*` modules)", "xconf_dump (whether the box is clustered)"],
    needles: ["Inconsistent Database"],
    references: [TN_CLUSTER],
  },
  evaluate,
);

function evaluate(facts: Pick<Facts, "events" | "logFiles" | "lineFamilies" | "config" | "files" | "hosts" | "clusterPeers">): SignatureEvaluation {
  const events = eventsOf(facts, "cluster_db_inconsistent");
  if (events.length > 0) {
    const affected = groupAffected(
      events,
      (e) => ({ host: remoteClusterNode(e.text), ip: null, port: null, service: "cluster database", reason: `inconsistent database${e.fields.Context ? ` (${e.fields.Context})` : ""}` }),
      (e) => e.timestamp,
      (e) => e.peer,
    );
    return {
      outcome: "issue",
      description: `The cluster database logged \`Inconsistent Database\` ${plural(events.length, "time")}${period(affected)}: ${listEntities(affected)}. The peers' copies of the replicated data diverged, typically after a peer went down (\`mnesia down\`) or the network between peers partitioned; until they resynchronise, registrations, bandwidth and configuration can differ between peers.`,
      condition: "A `developer.clusterdb` line with `Level=\"ERROR\"` and `Detail=\"Inconsistent Database\"`.",
      furtherInformation:
        "TN 217230 shows the sequence: `Processed mnesia_down event` for the lost peer, then `Inconsistent Database` with `Context=\"from mnesia system - mnesia down\"`, then `Failed connecting to node` and the alarms 20006 / 20004. The Node named on the line is the peer whose copy diverged.",
      action: [
        "1. Check that every peer is up and reaches every other peer on TCP 4371 / 4372 (TLS) and UDP 1719 (System > Clustering shows the peers' status).",
        "2. Once the network is back the database normally reconnects on its own (`Connecting database on mnesia running_partitioned_network event`); if the alarms stay, restart the peer named above, one peer at a time.",
        "3. If it does not recover: take a system snapshot for TAC, remove the peer from the cluster, restore its database from a backup taken on that peer, and add it back (TN 217230).",
      ].join("\n"),
      affected,
      evidence: evidenceOf(facts, ["cluster_db_inconsistent"]),
    };
  }
  if (facts.logFiles.length === 0) {
    return {
      outcome: "missing",
      description: "The bundle has no log, so the cluster database's errors cannot be seen.",
      condition: "No loggingsnapshot in the bundle.",
      furtherInformation: "",
      action: `On every peer, go to ${DIAGNOSTIC_LOGGING}, and upload the bundles.`,
    };
  }
  if (isClustered(facts) === false) {
    return {
      outcome: "not_applicable",
      description: "The configuration lists no cluster peers: this Expressway is not clustered.",
      condition: "xconf_dump without `Alternates Peer N Address` values, one peer in the bundle.",
      furtherInformation: "",
      action: "No action needed.",
    };
  }
  const lines = clusterDbLines(facts);
  return {
    outcome: "ok",
    description: `No \`Inconsistent Database\` error in the logs${lines > 0 ? ` (${plural(lines, "cluster database line")} read)` : ""}.`,
    condition: "Logs read; no clusterdb error `Inconsistent Database`.",
    furtherInformation: "Only the logging window is covered; Status > Alarms on each peer shows replication alarms raised earlier.",
    action: "No action needed.",
  };
}
