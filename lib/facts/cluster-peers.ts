// The cluster peers the log names, for bundles whose xconf is missing or lists no peers: the
// replication process's `AlternateIPAddresses="[u'(10.15.13.15 expc01)', u'(10.15.13.16 expc02)']"`
// (address and name of every peer, with `LocalPeerIndex`), and the cluster database's
// `Node="clusterdb@expc02.apolo.local"` (TN 217230). Only the developer.replication and
// developer.clusterdb.* families are subscribed to, so the hot loop pays nothing for it.
import type { LogEntry } from "@/lib/parse/log-reader";
import type { EntrySubscriber } from "@/lib/scan/subscriber";

type SourceRef = { file: string; line: number; text: string };

export type ClusterPeer = {
  /** the peer's address (IP or FQDN), when the line gives one */
  address: string | null;
  /** its name (host or FQDN), when the line gives one */
  name: string | null;
  /** whether it is the Expressway that wrote the line */
  local: boolean;
  /** the first line that named it */
  source: SourceRef;
};

const MAX_PEERS = 64;
const ALTERNATES = "AlternateIPAddresses=";
const NODE = 'Node="clusterdb@';
/** `(10.15.13.16 expc02)`: address, then the name; Python 2 builds prefix the string with u */
const PAIR_RE = /\(\s*([^\s()']+)(?:\s+([^\s()']+))?\s*\)/g;

export class ClusterPeerCollector implements EntrySubscriber {
  readonly name = "cluster peers";
  readonly reader = { maxBlockLines: 0, keepBlock: () => false };
  private readonly peers: ClusterPeer[] = [];

  wantsModule(module: string): boolean {
    return module === "developer.replication" || module.startsWith("developer.clusterdb");
  }

  onEntry(file: string, entry: LogEntry): void {
    const { text } = entry;
    const source = { file, line: entry.line, text };
    const at = text.indexOf(ALTERNATES);
    if (at !== -1) {
      const value = quoted(text, at + ALTERNATES.length);
      const li = text.indexOf("LocalPeerIndex=");
      const localIndex = li === -1 ? -1 : Number(quoted(text, li + "LocalPeerIndex=".length) ?? -1);
      if (value === null) return;
      let i = 0;
      for (const m of value.matchAll(PAIR_RE)) this.add({ address: m[1], name: m[2] ?? null, local: i++ === localIndex, source });
      return;
    }
    // clusterdb lines name the local node first and the remote one last
    const first = text.indexOf(NODE);
    if (first === -1) return;
    const last = text.lastIndexOf(NODE);
    if (last !== first) this.add({ address: null, name: nodeName(text, last), local: false, source });
    this.add({ address: null, name: nodeName(text, first), local: true, source });
  }

  finish(): ClusterPeer[] {
    return this.peers;
  }

  private add(p: ClusterPeer): void {
    if (!p.address && !p.name) return;
    const known = this.peers.find((q) => sameHost(q.address, p.address) || sameHost(q.name, p.name));
    if (known) {
      // an address learned later for a node first known by name only (or the reverse)
      known.address ??= p.address;
      known.name ??= p.name;
      known.local ||= p.local;
      return;
    }
    if (this.peers.length < MAX_PEERS) this.peers.push({ ...p });
  }
}

/**
 * Whether two host names or addresses mean the same box: equal ignoring case, or one is the
 * other's first label ("expc02" and "expc02.apolo.local"); IP addresses only when equal.
 */
export function sameHost(a: string | null, b: string | null): boolean {
  if (!a || !b) return false;
  const x = a.toLowerCase();
  const y = b.toLowerCase();
  if (x === y) return true;
  if (/^[\d.]+$/.test(x) || /^[\d.]+$/.test(y) || x.includes(":") || y.includes(":")) return false;
  const short = (s: string) => (s.includes(".") ? null : s);
  return (short(x) !== null && y.startsWith(`${x}.`)) || (short(y) !== null && x.startsWith(`${y}.`));
}

/** The value of `Name="..."` whose opening quote is at `at` (or null). */
function quoted(text: string, at: number): string | null {
  if (at < 0 || text[at] !== '"') return null;
  const end = text.indexOf('"', at + 1);
  return end === -1 ? null : text.slice(at + 1, end);
}

function nodeName(text: string, at: number): string | null {
  const start = at + NODE.length;
  const end = text.indexOf('"', start);
  const name = end === -1 ? "" : text.slice(start, end).trim();
  return name || null;
}
