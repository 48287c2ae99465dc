// The facts signatures read: what the combiners learned from all records of one bundle.
// Signatures never see raw lines, only these.
import type { BundleFile } from "@/lib/bundle/bundle-file";
import type { Evidence } from "@/lib/results/types";
import type { MraTarget } from "@/lib/facts/mra-target";
import type { ReadingCounts } from "@/lib/facts/reading-counter";
import type { TlsFacts } from "@/lib/facts/tls-facts";
import type { VerifyErrorKind } from "@/lib/facts/verify-error";
import type { LogEventFacts, LogEventKind } from "@/lib/facts/log-events";
import type { TrustStoreFacts } from "@/lib/facts/trust-store";
import type { WarningFacts } from "@/lib/facts/warning-templates";
import type { CallsOutput } from "@/lib/results/calls";
import type { AlarmFacts } from "@/lib/facts/alarm-facts";
import type { StatusDumpFacts } from "@/lib/facts/status-dump";
import type { ClusterPeer } from "@/lib/facts/cluster-peers";
import type { KernelMemoryFacts } from "@/lib/facts/memory-facts";

/** Where a fact was read: file inside the bundle, 1-based line, the line itself. */
export type SourceRef = { file: string; line: number; text: string };

export type Located<T> = { value: T; source: SourceRef | null };

/** How many stamped lines of a log file each process and each module (`Module="..."`) wrote. */
export type LineFamilies = { processes: Record<string, number>; modules: Record<string, number> };

export type Facts = {
  /** the uploaded file's name */
  fileName: string;
  files: BundleFile[];
  notes: string[];
  lineCount: number;
  /** hostname(s) of the peer(s) in the bundle, comma separated; null if nothing names one */
  host: string | null;
  hosts: string[];
  product: string | null;
  /** Expressway-C / -E or VCS, and how that was decided */
  identity: ProductIdentity;
  /** the highest software version among the peers (the one that decides whether a change applies) */
  version: Located<string> | null;
  /** every distinct version seen, one per peer that reported one */
  versions: Located<string>[];
  /** xConfiguration values by path ("EdgeConfigServer VerifyOriginServer"), one per dump that set it */
  config: ReadonlyMap<string, Located<string>[]>;
  timeRange: { start: string; end: string } | null;
  /** names of the log files whose lines were read */
  logFiles: string[];
  /** per log file, how many stamped lines each process and each module (`Module="..."`) wrote */
  lineFamilies: ({ file: string } & LineFamilies)[];
  /** per log file: lines in message blocks, blank, skipped, not understood (with masked samples) */
  reading: ({ file: string } & ReadingCounts)[];
  trafficServer: TrafficServerFacts;
  /** Expressway-C's edge config provisioning server: its UDS responses and authentication failures */
  edgeConfig: EdgeConfigFacts;
  /** SIP calls and registrations from the network.sip lines (lib/facts/sip), bounded as its limits say */
  sip: CallsOutput;
  /** TLS sessions and certificates from the bundle's captures and trust store (absent: not collected) */
  tls?: TlsFacts;
  /** known phrases found in the logs (TLS alerts, traversal, SSO, XCP, edge config), with evidence */
  events: LogEventFacts & { evidence: Partial<Record<LogEventKind, Evidence[]>> };
  /** WARNING / ERROR lines grouped into templates */
  warnings: WarningFacts;
  /** the CA list (`ca_*.pem`) when the bundle carries it */
  trustStore: TrustStoreFacts | null;
  /** alarms raised and not lowered in the logging window, and those the xstat dump lists as active */
  alarms: AlarmFacts;
  /** the xstat dump's alarms, zones, NTP status and uptime; null without an xstat dump */
  statusDump: StatusDumpFacts | null;
  /** the cluster peers the log names (replication's AlternateIPAddresses, clusterdb's nodes); xconf's are in config */
  clusterPeers: ClusterPeer[];
  /** the kernel's out-of-memory killer lines (memory values of the xstat dump are in statusDump) */
  kernelMemory: KernelMemoryFacts;
};

export type TrafficServerFacts = {
  /** lines written by the traffic_server process */
  lineCount: number;
  /** its `network.http.trafficserver` request/response debug lines */
  debugLineCount: number;
  /** transactions forwarded upstream (`Sending Request`) */
  forwardedRequestCount: number;
  /** received requests whose URL carried a decodable MRA target */
  mraRequestCount: number;
  /** the first requests, joined by Txn-id (the first MAX_REQUESTS: see the counts for totals) */
  requests: MraRequest[];
  /** certificate verification failures grouped by node, port and cause */
  failures: VerificationFailureGroup[];
  failureCount: number;
  /** WARNING, SSL ERROR and 502 response lines of the failures, folded and capped */
  failureEvidence: Evidence[];
  /** `Event="Sending HTTP error response"` lines (the first ones) */
  errorResponses: HttpErrorResponse[];
  /** per file: its lines this collector could not read (neither pairs nor a known native message) */
  unread: { file: string; count: number; samples: SourceRef[] }[];
};

export type HttpErrorResponse = {
  source: SourceRef;
  timestamp: string;
  peer: string | null;
  status: number | null;
  reason: string | null;
  /** the client it was sent to */
  dstIp: string | null;
  dstPort: number | null;
};

export type MraRequest = {
  source: SourceRef;
  pid: string | null;
  txnId: string;
  /** `TrackingID="..."` of its Receive (else Sending) Request line: the id the client's request keeps on every hop (TN 225746) */
  trackingId: string | null;
  timestamp: string;
  method: string | null;
  /** path after the target segment */
  path: string | null;
  target: MraTarget | null;
  user: string | null;
  dstIp: string | null;
  dstPort: number | null;
  /** status of `Sending Response` to the client */
  status: number | null;
  /** its reason phrase, e.g. "connect failed", "Next Hop Connection Failed" */
  statusText: string | null;
  /** the Expressway peer (syslog host) that logged it */
  peer: string | null;
  /** why the request failed upstream, when the traffic server said (certificate, SNI) */
  failure: string | null;
};

export type FailureCause = "untrusted_certificate" | "sni_not_in_certificate";

export type VerificationFailureGroup = {
  cause: FailureCause;
  /** OpenSSL's verify error as logged; null for SNI failures */
  error: string | null;
  errorKind: VerifyErrorKind | null;
  depth: number | null;
  /** the SNI value for SNI failures */
  sni: string | null;
  /** `server=<host>(ip)` host part, else the name the message was about */
  host: string | null;
  ip: string | null;
  port: number | null;
  /** how the port was found: the Sending Request just before, the MRA target, or not at all */
  portSource: "request" | "target" | null;
  /** distinct `Action=` values: Terminate (enforced) / Continue (only logged) */
  actions: string[];
  /** distinct OpenSSL codes of the SSL connection failed lines that followed */
  sslErrorCodes: string[];
  /** 502 responses sent to clients for the failed transactions */
  responses502: number;
  count: number;
  firstSeen: string | null;
  lastSeen: string | null;
  /** distinct users whose requests failed (a few) */
  users: string[];
  files: string[];
  /** Expressway peers (syslog hosts) that logged the failure */
  peers: string[];
};

export function configValues(facts: Pick<Facts, "config">, key: string): Located<string>[] {
  return facts.config.get(key) ?? [];
}

// ---- owned by edge-config-facts.ts ----

export type EdgeConfigResponse = {
  source: SourceRef;
  /** the status line as written (evidence), and where */
  statusSource: SourceRef | null;
  timestamp: string;
  peer: string | null;
  url: string;
  host: string | null;
  port: number | null;
  /** the user in a `/cucm-uds/user/<user>/...` URL */
  user: string | null;
  status: number | null;
  statusText: string | null;
};

export type EdgeConfigAuthFailure = { source: SourceRef; timestamp: string; peer: string | null; user: string | null; serverHost: string | null; serverPort: number | null };

export type EdgeConfigFacts = {
  /** lines of the edgeconfigprovisioning process and modules */
  lineCount: number;
  responses: EdgeConfigResponse[];
  authFailures: EdgeConfigAuthFailure[];
};

// ---- owned by product-identity.ts ----

export type ProductName = "Expressway-C" | "Expressway-E" | "VCS Control" | "VCS Expressway";
export type ProductRole = "control" | "edge";

export type ProductIdentity = {
  name: ProductName | null;
  series: "Expressway" | "VCS" | null;
  /** control: the inside box (Expressway-C, VCS Control); edge: the DMZ box (Expressway-E, VCS Expressway) */
  role: ProductRole | null;
  /** how it was decided, in a few words per clue (empty when nothing told) */
  decidedBy: string[];
  evidence: SourceRef[];
};
