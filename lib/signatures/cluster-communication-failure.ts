// Cluster peers cannot reach each other: the cluster communication alarms (20004, 20006, 20021)
// and clusterdb's `Failed connecting to node` lines. Registrations, calls and configuration stop
// being shared with the lost peer.
import type { Affected } from "@/lib/results/types";
import type { Facts } from "@/lib/facts/facts";
import { ALARM_GROUPS, ALARM_REFERENCE, alarmActions, alarmAffected, alarmEvidence, alarmsVisible, clearedAlarms, describeAlarm, openAlarms } from "@/lib/signatures/alarm-common";
import { configuredPeers, isClustered, remoteClusterNode } from "@/lib/signatures/cluster-common";
import { DIAGNOSTIC_LOGGING, eventsOf, evidenceOf, groupAffected, plural } from "@/lib/signatures/helpers";
import { type SignatureEvaluation, defineSignature } from "@/lib/signatures/signature";

const IDS = ALARM_GROUPS.clusterCommunication;
const TN_CLUSTER = { title: "Cisco TAC: What is Expressway Cluster and How it Works (TN 217230)", url: "https://www.cisco.com/c/en/us/support/docs/unified-communications/expressway/217230-what-is-expressway-cluster-and-how-it-wo.html" };

export const clusterCommunicationFailure = defineSignature(
  {
    id: "cluster-communication-failure",
    version: 1,
    defects: [],
    title: "Cluster peers cannot communicate",
    severity: "high",
    category: "misconfiguration",
    outcomes: ["issue", "potential", "ok", "not_applicable", "missing"],
    reads: ["alarms", "events", "logFiles", "config", "files", "hosts"],
    area: "Clustering",
    summary: `Finds the cluster communication alarms (${IDS.join(", ")}) and clusterdb's \`Failed connecting to node\`: a peer is down or the cluster ports (TCP 4371/4372 TLS, UDP 1719) are blocked between peers.`,
    products: ["Expressway-C", "Expressway-E"],
    inputs: ["alarm raise / lower lines in the log", "the alarm list of xstat_dump", "clusterdb lines of the log", "xconf_dump (the cluster peers)"],
    needles: ["Alarm Raised", "Alarm Lowered", "Failed connecting to node"],
    references: [ALARM_REFERENCE, TN_CLUSTER],
  },
  evaluate,
);

function evaluate(facts: Pick<Facts, "alarms" | "events" | "logFiles" | "config" | "files" | "hosts">): SignatureEvaluation {
  const open = openAlarms(facts, IDS);
  const failed = eventsOf(facts, "cluster_connect_failed");
  const peers = configuredPeers(facts);
  const peerText = peers.length > 0 ? ` The configured peers are ${peers.join(", ")}.` : "";
  const action = [
    "1. On System > Clustering of each peer, check that every peer is listed with the same addresses and is running.",
    "2. Between every pair of peers, open TCP 4371 (cluster recovery) and 4372 (database synchronisation) over TLS, and UDP 1719 (bandwidth updates); a firewall or NAT between peers is the usual cause.",
    "3. With cluster TLS verification Enforcing, each peer's certificate must carry the name it is addressed by and be trusted by the others.",
    open.length > 0 ? alarmActions(open) : "",
  ].filter(Boolean).join("\n");
  if (open.length > 0 || failed.length > 0) {
    const rows: Affected[] = [
      ...open.map(alarmAffected),
      ...groupAffected(failed, (e) => ({ host: remoteClusterNode(e.text), ip: null, port: null, service: "cluster database", reason: "Failed connecting to node" }), (e) => e.timestamp, (e) => e.peer),
    ];
    const parts = [
      open.length > 0 ? `${plural(open.length, "cluster communication alarm")} open: ${open.map(describeAlarm).join("; ")}` : null,
      failed.length > 0 ? `the cluster database failed to connect to ${[...new Set(failed.map((e) => remoteClusterNode(e.text) ?? "a peer"))].join(", ")} (${plural(failed.length, "time")})` : null,
    ].filter(Boolean);
    return {
      outcome: "issue",
      description: `${parts.join("; and ")}.${peerText} Registrations, bandwidth and configuration are not shared with the unreachable peer(s), and calls routed through them fail.`,
      condition: "An open alarm 20004 / 20006 / 20021, or clusterdb `Failed connecting to node`.",
      furtherInformation: "TN 217230: a lost peer shows as `Processed mnesia_down event`, `Inconsistent Database`, `Failed connecting to node`, then the alarms 20006 and 20004, and H.323 RAS to the peer on 1719 times out. During an upgrade these alarms are expected and clear about ten minutes after every peer is upgraded.",
      action,
      affected: rows,
      evidence: alarmEvidence(open, evidenceOf(facts, ["cluster_connect_failed"])),
    };
  }
  const cleared = clearedAlarms(facts, IDS);
  if (cleared.length > 0) {
    return {
      outcome: "potential",
      description: `Cluster communication failed and recovered within the logging window: ${cleared.map(describeAlarm).join("; ")}.${peerText}`,
      condition: "A cluster communication alarm raised and lowered again in the window.",
      furtherInformation: "A peer that restarted (or an upgrade) explains it; otherwise the link between peers is flapping.",
      action,
      affected: cleared.map(alarmAffected),
      evidence: alarmEvidence(cleared),
    };
  }
  if (!alarmsVisible(facts)) {
    return { outcome: "missing", description: "The bundle has neither a log nor a status dump, so cluster communication cannot be judged.", condition: "No loggingsnapshot and no xstat_dump.", furtherInformation: "", action: `On every peer, go to ${DIAGNOSTIC_LOGGING}, and upload the bundles.` };
  }
  if (isClustered(facts) === false) {
    return { outcome: "not_applicable", description: "The configuration lists no cluster peers: this Expressway is not clustered.", condition: "xconf_dump without `Alternates Peer N Address` values.", furtherInformation: "", action: "No action needed." };
  }
  return {
    outcome: "ok",
    description: `No cluster communication alarm is open and the cluster database connected to its peers in the logging window.${peerText}`,
    condition: "No open alarm 20004 / 20006 / 20021, no `Failed connecting to node`.",
    furtherInformation: facts.alarms.statusRead ? "" : "Without an xstat dump an alarm raised before the window is not visible: check Status > Alarms on each peer.",
    action: "No action needed.",
  };
}
