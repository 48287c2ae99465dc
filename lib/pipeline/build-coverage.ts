// Facts + results -> the coverage view: per subject, whether the bundle let the analysis look at
// it, in plain words. Read from what was actually in the bundle (files, line families, dumps),
// never from what a signature concluded, so "checked" means "there was something to check".
import type { CoverageDetail, CoverageItem } from "@/lib/results/coverage";
import type { SignatureResult } from "@/lib/results/types";
import type { Facts } from "@/lib/facts/facts";
import { configuredPeers } from "@/lib/signatures/cluster-common";

function modules(facts: Pick<Facts, "lineFamilies">, pred: (m: string) => boolean): number {
  let n = 0;
  for (const f of facts.lineFamilies) for (const [m, c] of Object.entries(f.modules)) if (pred(m)) n += c;
  return n;
}

function processes(facts: Pick<Facts, "lineFamilies">, pred: (p: string) => boolean): number {
  let n = 0;
  for (const f of facts.lineFamilies) for (const [p, c] of Object.entries(f.processes)) if (pred(p)) n += c;
  return n;
}

const fmt = (n: number) => n.toLocaleString("en-US");

export function buildCoverage(facts: Facts, results: SignatureResult[]): CoverageDetail {
  const items: CoverageItem[] = [];
  const has = (kind: string) => facts.files.some((f) => f.kind === kind);
  const logs = facts.logFiles.length > 0;
  const window = facts.timeRange ? ` from ${facts.timeRange.start} to ${facts.timeRange.end}` : "";

  items.push(
    logs
      ? { key: "log", subject: "Logging window", state: "checked", text: `${fmt(facts.lineCount)} lines in ${facts.logFiles.length === 1 ? "1 log file" : `${facts.logFiles.length} log files`}${window}. Only what happened inside this window is in the log.` }
      : { key: "log", subject: "Logging window", state: "not_checked", text: "No loggingsnapshot: nothing that happened (failures, alarms raised, restarts) could be checked, only the dumps and certificates." },
  );

  if (logs) {
    const sip = modules(facts, (m) => m === "network.sip");
    items.push(
      sip > 0
        ? { key: "sip", subject: "SIP calls and registrations", state: "checked", text: `${fmt(sip)} SIP message ${sip === 1 ? "line" : "lines"} (network.sip) in the window.` }
        : { key: "sip", subject: "SIP calls and registrations", state: "not_checked", text: "No SIP traffic in the logging window (no network.sip lines): call and registration problems cannot be seen. Set network.sip to DEBUG and reproduce the call." },
    );
    const ts = facts.trafficServer.lineCount;
    items.push(
      ts > 0
        ? { key: "mra", subject: "MRA HTTPS proxy (traffic server)", state: facts.trafficServer.mraRequestCount > 0 ? "checked" : "partial", text: `${fmt(ts)} traffic_server ${ts === 1 ? "line" : "lines"}, ${fmt(facts.trafficServer.mraRequestCount)} MRA ${facts.trafficServer.mraRequestCount === 1 ? "request" : "requests"}${facts.trafficServer.mraRequestCount === 0 ? ": no client signed in over MRA during the window" : ""}.` }
        : { key: "mra", subject: "MRA HTTPS proxy (traffic server)", state: "not_checked", text: "No traffic_server lines: MRA sign-in, UDS, TFTP and voicemail requests were not seen (an Expressway-E, or no MRA client during the window)." },
    );
    const tvcs = processes(facts, (p) => p === "tvcs");
    items.push(
      tvcs > 0
        ? { key: "events", subject: "Event Log (tvcs)", state: "checked", text: `${fmt(tvcs)} tvcs ${tvcs === 1 ? "line" : "lines"}: external server failures, TLS errors, license limits and restarts were looked for.` }
        : { key: "events", subject: "Event Log (tvcs)", state: "not_checked", text: "No tvcs lines: external server failures (DNS, LDAP, NTP, neighbours), TLS negotiation errors and license limits cannot be seen." },
    );
    items.push({
      key: "alarms",
      subject: "Alarms",
      state: facts.alarms.statusRead ? "checked" : "partial",
      text: `${fmt(facts.alarms.raised)} raised and ${fmt(facts.alarms.lowered)} lowered in the window${facts.alarms.statusRead ? ", plus the status dump's active list" : "; without an xstat dump, alarms raised before the window and still active are not visible"}.`,
    });
  }

  const status = facts.statusDump;
  items.push(
    status
      ? { key: "status-dump", subject: "Status dump (xstat)", state: status.zones.length > 0 ? "checked" : "partial", text: `Read${status.zones.length > 0 ? `: ${status.zones.length} zones` : ", but it lists no zone status"}${status.ntp.length > 0 ? ", NTP status" : ", no NTP status"}${status.alarmSectionSeen ? ", the active alarms" : ""}.` }
      : { key: "status-dump", subject: "Status dump (xstat)", state: "not_checked", text: "No xstat dump: zone status, NTP synchronisation, active alarms and the software version from the box itself were not checked." },
  );
  items.push(
    has("xconf")
      ? { key: "config", subject: "Configuration (xconf)", state: "checked", text: `${fmt(facts.config.size)} configuration values read.` }
      : { key: "config", subject: "Configuration (xconf)", state: "not_checked", text: "No xconf dump: configuration checks (cluster peers, MRA settings, cipher strings) could not run." },
  );
  const tls = facts.tls;
  const serverPem = (tls?.serverCertificateFiles.length ?? 0) > 0;
  const caPem = (tls?.trustStoreFiles.length ?? 0) > 0 || facts.trustStore !== null;
  items.push({
    key: "certificates",
    subject: "Own certificate and trust store",
    state: serverPem && caPem ? "checked" : serverPem || caPem ? "partial" : "not_checked",
    text: serverPem || caPem
      ? `${serverPem ? "server certificate read" : "no server_*.pem (expiry, names and key of the Expressway's own certificate not checked)"}; ${caPem ? "trusted CA list read" : "no ca_*.pem (trust store not checked)"}.`
      : "Neither server_*.pem nor ca_*.pem: the Expressway's own certificate and its trusted CAs were not checked.",
  });
  const captures = tls?.captureFiles.length ?? 0;
  items.push(
    captures > 0
      ? { key: "capture", subject: "Packet capture", state: "checked", text: `${captures === 1 ? "1 capture file" : `${captures} capture files`}: certificates servers presented were checked.` }
      : { key: "capture", subject: "Packet capture", state: "not_checked", text: "No packet capture: certificates other servers present were only judged from log lines." },
  );
  const peerHosts = facts.hosts.length;
  const configured = new Set(configuredPeers(facts));
  if (configured.size > 1) {
    items.push({
      key: "cluster",
      subject: "Cluster peers",
      state: peerHosts >= configured.size ? "checked" : "partial",
      text: `${configured.size} peers configured, ${peerHosts === 1 ? "1 peer's bundle" : `${peerHosts} peers' bundles`} uploaded${peerHosts < configured.size ? ": problems only another peer logs are not seen; upload every peer's bundle" : ""}.`,
    });
  }
  return { items, missingSignatures: results.filter((r) => r.outcome === "missing").length };
}
