// A complete Facts from a few fields, the rest empty, so a signature can be tested on facts directly:
// `buildFacts({ version: located("X14.2.1"), trafficServer: { ...emptyTrafficServer(), failures } })`.
import type { Facts, Located, TrafficServerFacts } from "@/lib/facts/facts";
import { emptySipFacts } from "@/lib/facts/sip/sip-collector";

export function emptyTrafficServer(): TrafficServerFacts {
  return { lineCount: 0, debugLineCount: 0, forwardedRequestCount: 0, mraRequestCount: 0, requests: [], failures: [], failureCount: 0, failureEvidence: [], errorResponses: [], unread: [] };
}

export function buildFacts(partial: Partial<Facts> = {}): Facts {
  return {
    fileName: "diagnostic_log_expc1_2024-03-05_09_12_40.tar.gz",
    files: [],
    notes: [],
    lineCount: 0,
    host: null,
    hosts: [],
    product: null,
    identity: { name: null, series: null, role: null, decidedBy: [], evidence: [] },
    version: null,
    versions: [],
    config: new Map(),
    timeRange: null,
    logFiles: [],
    lineFamilies: [],
    reading: [],
    trafficServer: emptyTrafficServer(),
    edgeConfig: { lineCount: 0, responses: [], authFailures: [] },
    tls: undefined,
    events: { events: {}, counts: {}, processLines: {}, evidence: {} },
    warnings: { totalLines: 0, groups: [], truncated: false, droppedLines: 0 },
    trustStore: null,
    sip: emptySipFacts(),
    alarms: { logLines: 0, raised: 0, lowered: 0, loweredIds: [], open: [], cleared: [], statusRead: false },
    statusDump: null,
    clusterPeers: [],
    kernelMemory: { kernelLines: 0, oom: [], oomCount: 0 },
    ...partial,
  };
}

/** A fact with no source line (as from a test, not a file). */
export function located<T>(value: T): Located<T> {
  return { value, source: null };
}
