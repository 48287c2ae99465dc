// What a server presented on one port, as one sentence plus the fields a card's affected table
// shows: "6972 presented a self-signed ECDSA P-256 certificate, CN cucm-EC.steven.lab, not in the
// trust store". Read from the capture's TLS details; signatures attach it to affected entries.
import type { PresentedCertificate, TlsCertificate, TlsDetails, TlsServer } from "@/lib/results/tls";
import { certificateByFingerprint, keyLabel } from "@/lib/facts/tls-facts";

const MAX_SAN = 8;

/** The server:port entry for a node of a log line: by address, else by the name it was asked for (SNI). */
export function findServer(details: TlsDetails, node: { host?: string | null; ip: string | null; port: number | null }): TlsServer | undefined {
  if (node.port === null) return undefined;
  if (node.ip) {
    const byIp = details.servers.find((s) => s.ip === node.ip && s.port === node.port);
    if (byIp) return byIp;
  }
  const host = node.host?.toLowerCase();
  if (!host) return undefined;
  return details.servers.find((s) => s.port === node.port && (s.ip === host || s.sni.some((n) => n.name.toLowerCase() === host)));
}

export function leafOf(details: TlsDetails, server: TlsServer): TlsCertificate | undefined {
  const fp = server.chains[0]?.fingerprints[0];
  return fp ? certificateByFingerprint(details, fp) : undefined;
}

export function sanList(c: Pick<TlsCertificate, "sanDns" | "sanIps">): string {
  const all = [...c.sanDns, ...c.sanIps];
  if (all.length === 0) return "no SAN";
  return `SAN ${all.slice(0, MAX_SAN).join(", ")}${all.length > MAX_SAN ? `, … (${all.length - MAX_SAN} more)` : ""}`;
}

/** "self-signed ECDSA P-256 certificate, CN x" / "RSA 2048 certificate issued by Y, CN x". */
export function certificatePhrase(c: TlsCertificate): string {
  const who = c.subjectCN ? `CN ${c.subjectCN}` : c.subject || "no subject";
  const key = keyLabel(c);
  const kind = c.selfSigned ? `a self-signed ${key} certificate` : `${/^(RSA|ECDSA|Ed|EC)/.test(key) ? "an" : "a"} ${key} certificate issued by ${c.issuerCN ?? c.issuer}`;
  return `${kind}, ${who}`;
}

export function validityPhrase(c: TlsCertificate): string | null {
  const day = c.notAfter.slice(0, 10);
  if (c.expired) return `expired on ${day}`;
  if (c.notYetValid) return `not valid before ${c.notBefore.slice(0, 10)}`;
  if (c.expiresWithin30Days) return `expires on ${day}`;
  return null;
}

export function trustPhrase(c: TlsCertificate, chainTrusted: boolean | null | undefined): string | null {
  const trusted = chainTrusted ?? c.inTrustStore;
  if (trusted === null || trusted === undefined) return null;
  if (trusted) return c.selfSigned ? "in the trust store" : "its CA is in the trust store";
  return c.selfSigned ? "not in the trust store" : "its CA is not in the trust store";
}

/** The presented-certificate summary for a node and port, or undefined when no capture saw it. */
export function presentedCertificate(
  details: TlsDetails | undefined,
  node: { host?: string | null; ip: string | null; port: number | null },
  options: { withSan?: boolean; connectAddress?: string | null } = {},
): PresentedCertificate | undefined {
  if (!details) return undefined;
  const server = findServer(details, node);
  if (!server) return undefined;
  const version = server.versions[0]?.name ?? null;
  const leaf = leafOf(details, server);
  if (!leaf) {
    const why =
      server.visibility.tls13 > 0
        ? `certificate not visible: TLS 1.3${server.ciphers[0] ? ` (${server.ciphers[0].name})` : ""}`
        : server.visibility.resumed > 0
          ? "certificate not sent: the sessions were resumed"
          : "no certificate in the capture (the handshake did not get that far)";
    return {
      summary: `${server.port}: ${why}${server.sni[0] ? `, SNI ${server.sni[0].name}` : ""}`,
      fingerprint: null,
      subjectCN: null,
      issuerCN: null,
      keyType: null,
      curve: null,
      keyBits: null,
      selfSigned: null,
      inTrustStore: null,
      sanDns: [],
      sanIps: [],
      notAfter: null,
      expired: null,
      version,
      sessions: server.sessions,
    };
  }
  const chain = server.chains[0];
  const parts = [`${server.port} presented ${certificatePhrase(leaf)}`];
  const trust = trustPhrase(leaf, chain.trusted);
  if (trust) parts.push(trust);
  const validity = validityPhrase(leaf);
  if (validity) parts.push(validity);
  if (options.withSan) {
    const address = options.connectAddress ?? null;
    parts.push(`${sanList(leaf)}${address ? ` (connect address ${address}${leaf.sanIps.includes(address) || leaf.sanDns.some((d) => d.toLowerCase() === address.toLowerCase()) ? "" : " not among them"})` : ""}`);
  }
  if (server.chains.length > 1) parts.push(`${server.chains.length} different chains seen on this port`);
  return {
    summary: parts.join(", "),
    fingerprint: leaf.fingerprint,
    subjectCN: leaf.subjectCN,
    issuerCN: leaf.issuerCN,
    keyType: leaf.keyType,
    curve: leaf.curve,
    keyBits: leaf.keyBits,
    selfSigned: leaf.selfSigned,
    inTrustStore: chain.trusted ?? leaf.inTrustStore,
    sanDns: leaf.sanDns.slice(0, 50),
    sanIps: leaf.sanIps.slice(0, 50),
    notAfter: leaf.notAfter,
    expired: leaf.expired,
    version,
    sessions: server.sessions,
  };
}
