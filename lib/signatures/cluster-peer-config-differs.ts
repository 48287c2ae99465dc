// Peers of one cluster, uploaded together (one archive with a folder per peer), whose configuration
// dumps disagree where they must agree: the cluster's own settings (`Alternates Peer N Address`, the
// cluster name, the primary), or what the primary replicates to every peer (zones, search rules,
// transforms). A difference there means replication is not working or a peer was configured
// separately. Per-peer settings (addresses, names, certificates) are not compared; versions have
// their own signature (cluster-peer-version-mismatch).
import { parseBundleName } from "@/lib/bundle/bundle-name";
import type { Affected, Evidence } from "@/lib/results/types";
import type { Facts, SourceRef } from "@/lib/facts/facts";
import { DIAGNOSTIC_LOGGING, plural } from "@/lib/signatures/helpers";
import { type SignatureEvaluation, defineSignature } from "@/lib/signatures/signature";

const TN_CLUSTER = { title: "Cisco TAC: What is Expressway Cluster and How it Works (TN 217230)", url: "https://www.cisco.com/c/en/us/support/docs/unified-communications/expressway/217230-what-is-expressway-cluster-and-how-it-wo.html" };

export const clusterPeerConfigDiffers = defineSignature(
  {
    id: "cluster-peer-config-differs",
    version: 1,
    defects: [],
    title: "Cluster peers hold different configuration",
    severity: "high",
    category: "misconfiguration",
    outcomes: ["issue", "ok", "not_applicable", "missing"],
    reads: ["config", "files"],
    area: "Clustering",
    summary: "Compares the xconf dumps of the peers in one bundle where a cluster must agree: the cluster peer list, cluster name and primary, and the replicated zones, search rules and transforms.",
    products: ["Expressway-C", "Expressway-E"],
    inputs: ["xconf_dump of two or more peers (one archive with a folder per peer)"],
    references: [TN_CLUSTER],
  },
  evaluate,
);

/** Must be the same on every peer of a cluster. */
const CLUSTER_KEY = /^Alternates (Peer \d+ Address|Cluster Name|ConfigurationMaster)$/;
/** Replicated from the primary to every peer. */
const REPLICATED_KEY = /^(Zones Zone \d+ |Zones Policy SearchRules Rule \d+ |Transform \d+ )/;
const MAX_ROWS = 20;
const MAX_EVIDENCE = 40;

function compared(key: string): boolean {
  return CLUSTER_KEY.test(key) || REPLICATED_KEY.test(key);
}

function peerOf(file: string): string {
  return parseBundleName(file).host ?? file.split("/").slice(-2, -1)[0] ?? file;
}

function evaluate(facts: Pick<Facts, "config" | "files">): SignatureEvaluation {
  const dumps = facts.files.filter((f) => f.kind === "xconf").map((f) => f.name);
  if (dumps.length === 0) {
    return { outcome: "missing", description: "The bundle has no configuration dump, so peers' configuration cannot be compared.", condition: "No xconf_dump.", furtherInformation: "", action: `On every peer, go to ${DIAGNOSTIC_LOGGING}, and upload the bundles together (one archive with a folder per peer).` };
  }
  if (dumps.length === 1) {
    return { outcome: "not_applicable", description: "The bundle holds one peer's configuration: there is nothing to compare it with.", condition: "One xconf_dump.", furtherInformation: "Upload every peer's bundle in one archive (a folder per peer) to compare their configuration.", action: "No action needed." };
  }
  const rows: Affected[] = [];
  const evidence: Evidence[] = [];
  let differing = 0;
  let clusterKeys = 0;
  const keys = [...facts.config.keys()].filter(compared).sort(naturalOrder);
  for (const key of keys) {
    const byFile = new Map<string, { value: string; source: SourceRef | null }>();
    for (const v of facts.config.get(key) ?? []) if (v.source && !byFile.has(v.source.file)) byFile.set(v.source.file, { value: v.value.trim(), source: v.source });
    // encrypted secrets differ per peer by design
    if ([...byFile.values()].some((v) => v.value.startsWith("{cipher}"))) continue;
    const values = dumps.map((d) => byFile.get(d)?.value ?? null);
    const present = values.filter((v) => v !== null && v !== "");
    // a key absent from a dump and empty in the others is the same thing said twice
    if (present.length === 0 || (new Set(values.map((v) => v ?? "")).size === 1)) continue;
    differing++;
    if (CLUSTER_KEY.test(key)) clusterKeys++;
    if (rows.length < MAX_ROWS) {
      rows.push({
        host: key,
        ip: null,
        port: null,
        service: CLUSTER_KEY.test(key) ? "cluster setting" : "replicated setting",
        reason: dumps.map((d, i) => `${peerOf(d)}: ${values[i] === null ? "(not set)" : values[i] === "" ? "(empty)" : `"${values[i]}"`}`).join("; "),
        count: 1,
        firstSeen: null,
        lastSeen: null,
      });
    }
    for (const v of byFile.values()) if (v.source && evidence.length < MAX_EVIDENCE) evidence.push({ file: v.source.file, line: v.source.line, text: v.source.text });
  }
  const peers = dumps.map(peerOf);
  if (differing === 0) {
    return {
      outcome: "ok",
      description: `The ${plural(dumps.length, "peer")}' configuration dumps (${peers.join(", ")}) agree on the cluster settings and the replicated zones, search rules and transforms.`,
      condition: "No difference between the peers' xconf dumps in the compared settings.",
      furtherInformation: "Per-peer settings (addresses, names, certificates) differ by design and are not compared.",
      action: "No action needed.",
    };
  }
  return {
    outcome: "issue",
    description: `The peers ${peers.join(", ")} disagree on ${plural(differing, "setting")}${clusterKeys > 0 ? `, ${clusterKeys} of them the cluster's own (peer list, name or primary)` : ""}: ${rows.slice(0, 4).map((r) => `${r.host} (${r.reason})`).join("; ")}${differing > 4 ? "; …" : ""}. ${clusterKeys > 0 ? "Peers that list different peers do not form one cluster: replication and registrations across them fail." : "The primary replicates these settings to every peer: a difference means replication is not working, or a peer was changed directly and will be overwritten."}`,
    condition: "A cluster setting (Alternates peer list, cluster name, primary) or a replicated zone / search rule / transform setting that differs between the peers' xconf dumps.",
    furtherInformation: "Configuration is changed on the primary only; each subordinate takes it over about once a minute. Changes made on a subordinate are overwritten, and a peer whose replication fails (alarms 20008 and following) keeps old settings.",
    action: [
      "1. System > Clustering on each peer: the peer list (and its order), the cluster name and the primary must be identical everywhere.",
      "2. Status > Alarms: look for cluster replication alarms on the peer that differs, and fix replication first (TCP 4371 / 4372 between peers).",
      "3. Make changes on the primary only; once replication works, the subordinates take its configuration over.",
    ].join("\n"),
    affected: rows,
    evidence,
  };
}

/** "Zones Zone 10 ..." after "Zones Zone 9 ..." */
function naturalOrder(a: string, b: string): number {
  return a.localeCompare(b, "en", { numeric: true });
}
