// What the cluster signatures share: the peer addresses the configuration lists (and the log
// names), and whether the bundle shows a cluster at all.
import type { Facts, SourceRef } from "@/lib/facts/facts";
import { sameHost } from "@/lib/facts/cluster-peers";

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

/** A peer of this cluster, from xconf's Alternates or from the log's replication / clusterdb lines. */
export type KnownPeer = { address: string | null; name: string | null; source: SourceRef | null };

/** Every peer xconf lists or the log names (the local one included), xconf's first. */
export function knownPeers(facts: Pick<Facts, "config" | "clusterPeers">): KnownPeer[] {
  const out: KnownPeer[] = [];
  for (const [key, list] of facts.config) {
    if (!PEER_KEY.test(key)) continue;
    for (const v of list) if (v.value.trim()) out.push({ address: v.value.trim(), name: null, source: v.source });
  }
  for (const p of facts.clusterPeers) out.push({ address: p.address, name: p.name, source: p.source });
  return out;
}

/** The known peer a target (an address or a name) is, or null. */
export function peerMatching(peers: KnownPeer[], target: { host: string | null; ip: string | null }): KnownPeer | null {
  for (const t of [target.ip, target.host]) {
    if (!t) continue;
    const hit = peers.find((p) => sameHost(p.address, t) || sameHost(p.name, t));
    if (hit) {
      // prefer the entry that carries both (the log's), for naming the peer
      return peers.find((p) => p.address && p.name && (sameHost(p.address, t) || sameHost(p.name, t))) ?? hit;
    }
  }
  return null;
}

/** true: peers configured or several peers in the bundle; false: an xconf without peers; null: cannot tell. */
export function isClustered(facts: Pick<Facts, "config" | "files" | "hosts" | "clusterPeers">): boolean | null {
  if (configuredPeers(facts).length > 0 || facts.hosts.length > 1 || facts.clusterPeers.length > 1) return true;
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
