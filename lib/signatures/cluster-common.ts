// What the cluster signatures share: the peer addresses the configuration lists, and whether the
// bundle shows a cluster at all.
import type { Facts } from "@/lib/facts/facts";

const PEER_KEY = /^Alternates Peer \d+ Address$/;

/** The cluster peer addresses in xconf (`*c xConfiguration Alternates Peer 1 Address: "10.0.0.1"`). */
export function configuredPeers(facts: Pick<Facts, "config">): string[] {
  const out = new Set<string>();
  for (const [key, list] of facts.config) {
    if (!PEER_KEY.test(key)) continue;
    for (const v of list) if (v.value.trim()) out.add(v.value.trim());
  }
  return [...out].sort();
}

/** true: peers configured or several peers in the bundle; false: an xconf without peers; null: cannot tell. */
export function isClustered(facts: Pick<Facts, "config" | "files" | "hosts">): boolean | null {
  if (configuredPeers(facts).length > 0 || facts.hosts.length > 1) return true;
  return facts.files.some((f) => f.kind === "xconf") ? false : null;
}

/** "clusterdb@expc02.acme.test" -> "expc02.acme.test" */
export function clusterNodeName(node: string | null): string | null {
  if (!node) return null;
  const at = node.indexOf("@");
  return at === -1 ? node : node.slice(at + 1);
}

/** Lines the cluster database (developer.clusterdb.* modules) wrote, over all log files. */
export function clusterDbLines(facts: Pick<Facts, "lineFamilies">): number {
  let n = 0;
  for (const f of facts.lineFamilies) for (const [m, c] of Object.entries(f.modules)) if (m.startsWith("developer.clusterdb")) n += c;
  return n;
}

/**
 * The peer a clusterdb line is about. Those lines name the local node first and the remote one
 * last (`Node="clusterdb@expc01..." ... Node="clusterdb@expc02..."`, TN 217230), and the pair
 * parser keeps the first of a repeated name, so the last one is read from the text.
 */
export function remoteClusterNode(text: string): string | null {
  const at = text.lastIndexOf('Node="');
  if (at === -1) return null;
  const end = text.indexOf('"', at + 6);
  return end === -1 ? null : clusterNodeName(text.slice(at + 6, end));
}
