// Servers Expressway-C discovered for MRA (xconf `EdgeConfigServer UnifiedCM|IMP|UnityConnection <n> ...`)
// with their TLS verify mode, and the box's role (C or E) as far as the configuration tells it.
import type { Facts, Located } from "@/lib/facts/facts";

export type DiscoveredServer = {
  kind: "Unified CM" | "IM and Presence" | "Unity Connection" | "other";
  index: number;
  address: Located<string> | null;
  /** "On" / "Off" as configured, null when the dump does not say */
  tlsVerify: string | null;
};

const SERVER_KEY_RE = /^EdgeConfigServer (UnifiedCM|IMP|IMPServer|UnityConnection|Unity)\s+(\d+)\s+(.+)$/i;

export function discoveredServers(config: Facts["config"]): DiscoveredServer[] {
  const byKey = new Map<string, DiscoveredServer>();
  for (const [key, values] of config) {
    const m = SERVER_KEY_RE.exec(key);
    if (!m) continue;
    const kind = /^UnifiedCM$/i.test(m[1]) ? "Unified CM" : /^IMP/i.test(m[1]) ? "IM and Presence" : /^Unity/i.test(m[1]) ? "Unity Connection" : "other";
    const id = `${kind}\u0000${m[2]}`;
    let s = byKey.get(id);
    if (!s) byKey.set(id, (s = { kind, index: Number(m[2]), address: null, tlsVerify: null }));
    const leaf = m[3].toLowerCase();
    if (leaf === "address" || leaf === "host" || leaf === "hostname") s.address = values[0] ?? null;
    else if (leaf.includes("tlsverify") || leaf.includes("tls verify") || leaf.includes("verify")) s.tlsVerify = values[0]?.value ?? null;
  }
  return [...byKey.values()].sort((a, b) => a.kind.localeCompare(b.kind) || a.index - b.index);
}

/** Expressway-C talks to CUCM for MRA; Expressway-E terminates traversal zones as the server. */
export function expresswayRole(facts: Pick<Facts, "config" | "trafficServer">): "Expressway-C" | "Expressway-E" | null {
  let c = false;
  let e = false;
  for (const [key, values] of facts.config) {
    if (SERVER_KEY_RE.test(key)) c = true;
    if (/^Zones Zone \d+ Type$/.test(key) && values.some((v) => /TraversalServer/i.test(v.value))) e = true;
    if (/^Zones Zone \d+ Type$/.test(key) && values.some((v) => /TraversalClient/i.test(v.value))) c = true;
  }
  if (facts.trafficServer.forwardedRequestCount > 0 && !e) c = true;
  if (c === e) return null;
  return c ? "Expressway-C" : "Expressway-E";
}
