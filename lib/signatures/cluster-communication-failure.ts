// Cluster peers cannot reach each other: the cluster communication alarms (20004, 20006, 20021)
// clusterdb's `Failed connecting to node` lines, and H.323 requests to a peer that time out (the
// Event Log's `External Server Communications Failure` with Service="NeighbourGatekeeper" towards a
// peer xconf or the log names). Registrations, calls and configuration stop being shared with the
// lost peer.
import type { Affected } from "@/lib/results/types";
import type { Facts } from "@/lib/facts/facts";
import { ALARM_GROUPS, ALARM_REFERENCE, alarmActions, alarmAffected, alarmEvidence, alarmsVisible, clearedAlarms, describeAlarm, openAlarms } from "@/lib/signatures/alarm-common";
import { type KnownPeer, configuredPeers, isClustered, knownPeers, peerMatching, remoteClusterNode } from "@/lib/signatures/cluster-common";
import { externalServerFailures, externalTarget } from "@/lib/signatures/external-server-common";
import type { LogEvent } from "@/lib/facts/log-events";
import type { Evidence } from "@/lib/results/types";
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
    reads: ["alarms", "events", "logFiles", "config", "files", "hosts", "clusterPeers"],
    area: "Clustering",
    summary: `Finds the cluster communication alarms (${IDS.join(", ")}), clusterdb's \`Failed connecting to node\` and H.323 requests to a peer that time out (\`External Server Communications Failure\` towards a cluster peer): a peer is down or the cluster ports (TCP 4371/4372 TLS, UDP 1719) are blocked between peers.`,
    products: ["Expressway-C", "Expressway-E"],
    inputs: ["alarm raise / lower lines in the log", "the alarm list of xstat_dump", "clusterdb lines of the log", "tvcs Event Log lines", "xconf_dump or the log's replication lines (the cluster peers)"],
    needles: ["Alarm Raised", "Alarm Lowered", "Failed connecting to node", "External Server Communication"],
    references: [ALARM_REFERENCE, TN_CLUSTER],
  },
  evaluate,
);

/** `External Server Communications Failure` towards one of this cluster's peers, with the peer. */
function peerTimeouts(facts: Pick<Facts, "events" | "config" | "clusterPeers">): { event: LogEvent; peer: KnownPeer }[] {
  const known = knownPeers(facts);
  if (known.length === 0) return [];
  const out: { event: LogEvent; peer: KnownPeer }[] = [];
  for (const event of externalServerFailures(facts, ["NeighbourGatekeeper"])) {
    const peer = peerMatching(known, externalTarget(event));
    if (peer) out.push({ event, peer });
  }
  return out;
}

function timeoutEvidence(facts: Pick<Facts, "events">, timeouts: { event: LogEvent; peer: KnownPeer }[]): Evidence[] {
  if (timeouts.length === 0) return [];
  const keys = new Set(timeouts.map((t) => `${t.event.file}:${t.event.line}`));
  const naming = new Map<string, Evidence>();
  // the line that says the address is a peer (xconf's Alternates or the replication log's)
  for (const t of timeouts) if (t.peer.source) naming.set(`${t.peer.source.file}:${t.peer.source.line}`, { file: t.peer.source.file, line: t.peer.source.line, text: t.peer.source.text });
  return [...evidenceOf(facts, ["external_server_failure"]).filter((e) => keys.has(`${e.file}:${e.line}`)), ...naming.values()];
}

function evaluate(facts: Pick<Facts, "alarms" | "events" | "logFiles" | "config" | "files" | "hosts" | "clusterPeers">): SignatureEvaluation {
  const open = openAlarms(facts, IDS);
  const failed = eventsOf(facts, "cluster_connect_failed");
  const timeouts = peerTimeouts(facts);
  const peers = configuredPeers(facts);
  const logPeers = facts.clusterPeers.filter((p) => p.address !== null).map((p) => (p.name ? `${p.address} (${p.name})` : p.address));
  const peerText = peers.length > 0 ? ` The configured peers are ${peers.join(", ")}.` : logPeers.length > 0 ? ` The log names the peers ${logPeers.join(", ")}.` : "";
  const action = [
    "1. On System > Clustering of each peer, check that every peer is listed with the same addresses and is running.",
    "2. Between every pair of peers, open TCP 4371 (cluster recovery) and 4372 (database synchronisation) over TLS, and UDP 1719 (bandwidth updates); a firewall or NAT between peers is the usual cause.",
    "3. With cluster TLS verification Enforcing, each peer's certificate must carry the name it is addressed by and be trusted by the others.",
    open.length > 0 ? alarmActions(open) : "",
  ].filter(Boolean).join("\n");
  if (open.length > 0 || failed.length > 0 || timeouts.length > 0) {
    const rows: Affected[] = [
      ...open.map(alarmAffected),
      ...groupAffected(failed, (e) => ({ host: remoteClusterNode(e.text), ip: null, port: null, service: "cluster database", reason: "Failed connecting to node" }), (e) => e.timestamp, (e) => e.peer),
      ...groupAffected(
        timeouts,
        (t) => {
          const target = externalTarget(t.event);
          return { host: target.host ?? t.peer.name, ip: target.ip, port: target.port, service: "H.323 to the peer", reason: t.event.fields.Reason || "no response" };
        },
        (t) => t.event.timestamp,
        (t) => t.event.peer,
      ),
    ];
    const timedOut = [...new Set(timeouts.map((t) => { const x = externalTarget(t.event); const addr = x.ip ?? x.host ?? "a peer"; return t.peer.name && t.peer.name !== addr ? `${addr} (${t.peer.name})` : addr; }))];
    const parts = [
      open.length > 0 ? `${plural(open.length, "cluster communication alarm")} open: ${open.map(describeAlarm).join("; ")}` : null,
      failed.length > 0 ? `the cluster database failed to connect to ${[...new Set(failed.map((e) => remoteClusterNode(e.text) ?? "a peer"))].join(", ")} (${plural(failed.length, "time")})` : null,
      timeouts.length > 0 ? `H.323 requests to the peer ${timedOut.join(", ")} timed out (${plural(timeouts.length, "External Server Communications Failure")}, which the Event Log files under NeighbourGatekeeper)` : null,
    ].filter(Boolean);
    return {
      outcome: "issue",
      description: `${parts.join("; and ")}.${peerText} Registrations, bandwidth and configuration are not shared with the unreachable peer(s), and calls routed through them fail.`,
      condition: "An open alarm 20004 / 20006 / 20021, clusterdb `Failed connecting to node`, or an External Server Communications Failure towards a cluster peer.",
      furtherInformation: "TN 217230: a lost peer shows as `Processed mnesia_down event`, `Inconsistent Database`, `Failed connecting to node`, then the alarms 20006 and 20004, and H.323 RAS to the peer on 1719 times out. During an upgrade these alarms are expected and clear about ten minutes after every peer is upgraded.",
      action,
      affected: rows,
      evidence: alarmEvidence(open, [...evidenceOf(facts, ["cluster_connect_failed"]), ...timeoutEvidence(facts, timeouts)]),
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
