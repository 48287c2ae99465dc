// Peers of one cluster run different software versions. Cisco supports mixed versions only while
// an upgrade is under way: replication stops (alarm 20008) and behaviour differs between peers,
// so a problem can follow which peer a client lands on.
import type { Facts } from "@/lib/facts/facts";
import { compareVersions, parseExpresswayVersion } from "@/lib/facts/expressway-version";
import { plural } from "@/lib/signatures/helpers";
import { type SignatureEvaluation, defineSignature } from "@/lib/signatures/signature";

export const clusterPeerVersionMismatch = defineSignature(
  {
    id: "cluster-peer-version-mismatch",
    version: 1,
    defects: [],
    title: "Cluster peers run different software versions",
    severity: "high",
    category: "misconfiguration",
    outcomes: ["issue", "ok", "missing"],
    reads: ["versions"],
    area: "Clustering",
    summary: "Compares the software version each peer's xstat dump (or log) reports: peers of one cluster on different versions stop replicating and behave differently.",
    products: ["Expressway-C", "Expressway-E"],
    inputs: ["xstat_dump of every peer (SystemUnit Software Version)"],
    references: [{ title: "Cisco TAC: What is Expressway Cluster and How it Works (TN 217230)", url: "https://www.cisco.com/c/en/us/support/docs/unified-communications/expressway/217230-what-is-expressway-cluster-and-how-it-wo.html" }],
  },
  evaluate,
);

/** Whether the versions differ as releases ("X14.2" and "X14.2.0" are the same one). */
function versionsDiffer(values: string[]): boolean {
  const parsed = values.map(parseExpresswayVersion);
  if (parsed.some((p) => p === null)) return new Set(values).size > 1;
  return parsed.some((p) => compareVersions(p!, parsed[0]!) !== 0);
}

function evaluate(facts: Pick<Facts, "versions">): SignatureEvaluation {
  const versions = facts.versions;
  if (versions.length === 0) {
    return { outcome: "missing", description: "No peer's software version could be read, so versions cannot be compared.", condition: "No version in xstat_dump or the log.", furtherInformation: "", action: "Upload a bundle with xstat_dump from every cluster peer (one archive holding each peer's folder works)." };
  }
  if (versions.length === 1) {
    return { outcome: "ok", description: `Every peer in the bundle reports ${versions[0].value}.`, condition: "One distinct version among the peers read.", furtherInformation: "Only the peers whose bundles were uploaded are compared: upload every peer's bundle to check the whole cluster.", action: "No action needed." };
  }
  const list = versions.map((v) => `${v.value}${v.source ? ` (${v.source.file})` : ""}`);
  return {
    outcome: versionsDiffer(versions.map((v) => v.value)) ? "issue" : "ok",
    description: `The peers report ${plural(versions.length, "different software version")}: ${list.join(", ")}. Mixed versions are only expected during an upgrade: replication of configuration is suspended (alarm 20008) and peers behave differently until all run the same release.`,
    condition: "More than one distinct software version among the peers' xstat dumps.",
    furtherInformation: "Upgrade order (cluster maintenance guide): the primary first, then each subordinate, one at a time, waiting for replication to settle in between.",
    action: "Finish the upgrade: bring every peer to the same release (the primary first). If peers were upgraded in the wrong order, upgrade the primary again with the same package (TN 217230).",
    affected: versions.map((v) => ({ host: v.source?.file.split("/").slice(-2, -1)[0] ?? null, ip: null, port: null, service: "software", reason: v.value, count: 1, firstSeen: null, lastSeen: null })),
    evidence: versions.flatMap((v) => (v.source ? [{ file: v.source.file, line: v.source.line, text: v.source.text }] : [])),
  };
}
