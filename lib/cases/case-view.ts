// The shapes of a case (GET /api/cases/:id, GET /api/cases) and of a compare (GET
// /api/analyses/:id/compare/:otherId). A public contract like the analysis shapes: extend, never rename.
import type { CallMessage, CallState, CallSummary, SipReading } from "@/lib/results/calls";
import type { AnalysisStatus, AnalysisSummary, Outcome, SignatureResult } from "@/lib/results/types";

/** One Expressway's part in a finding merged across the case. */
export type CaseFindingPeer = {
  analysisId: string;
  host: string | null;
  /** what this analysis itself said for the signature */
  outcome: Outcome;
  /**
   * "cause": this Expressway logged the failure; "symptom": it answered clients 502/504 for requests
   * the failure explains (it may have said nothing itself).
   */
  role: "cause" | "symptom" | null;
};

/** A failure on one Expressway that explains error answers another one gave for the same requests. */
export type CaseExplanation = {
  /** where the failure was logged (Expressway-C) */
  causeHost: string | null;
  causeAnalysisId: string;
  /** who answered the client with an error for those requests (Expressway-E) */
  symptomHost: string | null;
  symptomAnalysisId: string;
  /** the statuses the symptom side answered, e.g. [502] */
  statuses: number[];
  requests: number;
  /** the cause side's failure text, e.g. "certificate verification failed: self signed certificate (depth 0)" */
  failure: string;
  /** the node the failing requests went to */
  target: string | null;
};

/**
 * A signature's results merged over the case's analyses: the worst outcome; affected nodes merged
 * (their `peers` list the Expressways that saw them); evidence from every analysis, each line's file
 * prefixed with its Expressway.
 */
export type CaseFinding = SignatureResult & {
  seenOn: CaseFindingPeer[];
  explains: CaseExplanation[];
};

/** One hop of a correlated MRA request: what one Expressway logged for it. */
export type CaseMraHop = {
  analysisId: string;
  peer: string | null;
  time: string;
  status: number | null;
  failure: string | null;
  /** the TrackingID this box logged for the request, if any */
  trackingId: string | null;
  file: string;
  line: number;
  /** set on a hop whose error answer another hop's failure explains */
  explainedBy: string | null;
};

/** One MRA request, seen on one Expressway or on several (Expressway-E then -C). */
export type CaseMraRow = {
  time: string;
  user: string | null;
  method: string | null;
  path: string | null;
  host: string | null;
  port: number | null;
  service: string | null;
  /** the client-facing answer: the first hop's status */
  status: number | null;
  /** the deepest failure any hop logged */
  failure: string | null;
  /** the request's TrackingID (a hop's), if any logged one */
  trackingId: string | null;
  /**
   * how its hops were joined: "tracking_id" (every hop logged the same TrackingID), "request" (same
   * method, path and target within CORRELATION_WINDOW_MS, no TrackingID on both); null for one hop
   */
  matchedBy: "tracking_id" | "request" | null;
  /** in order of the request's path: the hop that answered the client first */
  hops: CaseMraHop[];
};

export type CaseMraRequests = {
  /** requests over all analyses, before correlation */
  total: number;
  /** requests seen on more than one Expressway */
  correlated: number;
  /** of those, joined by TrackingID (the rest by method, path and target within seconds) */
  byTrackingId: number;
  rows: CaseMraRow[];
};

export type CaseAnalysis = {
  id: string;
  url: string;
  fileName: string;
  host: string | null;
  product: string | null;
  version: string | null;
  status: AnalysisStatus;
  error?: { code: string; message: string };
  counts: Record<Outcome, number>;
  /** the bundle's own collection time: its first log line */
  collectedAt: string | null;
  /** the peer folder of an uploaded archive holding one folder per peer (null: the whole file) */
  peerFolder: string | null;
};

/** One analysis's part in a call of the case: the call as that Expressway's own analysis found it. */
export type CaseCallPeer = {
  analysisId: string;
  host: string | null;
  /** the call's id in that analysis (GET /api/analyses/:analysisId/calls/:callId) */
  callId: string;
  state: CallState;
  code: number | null;
};

/**
 * A SIP call of the case: the calls of several analyses (Expressway-E and -C, cluster peers) that are
 * the same call, joined by Call-ID or by Session-ID / Local- / Remote-SessionID (the B2BUA on -C gives
 * its leg a new Call-ID). `id` is `<analysisId>:<callId>` of its first part; `entities` are merged (the
 * peer address -E logged that is -C's is -C's column); state, code and reason are what the caller's
 * side saw (the first part to decide).
 */
export type CaseCallSummary = CallSummary & {
  seenOn: CaseCallPeer[];
};

/** One message of a case's call: which Expressway logged it, and the other box that logged the same message. */
export type CaseCallMessage = CallMessage & {
  analysisId: string;
  host: string | null;
  /** the same message as the other end of the hop logged it (-E sent it, -C received it) */
  alsoLoggedOn: { analysisId: string; host: string | null; file: string; line: number }[];
};

/** GET /api/cases/:id/calls/:callId: every part's messages in time order, each hop drawn once. */
export type CaseCallDetail = CaseCallSummary & { messages: CaseCallMessage[] };

/** GET /api/cases/:id/calls: like GET /api/analyses/:id/calls, over the case's analyses. */
export type CaseCallPage = { total: number; page: number; pageSize: number; items: CaseCallSummary[] };

/** `calls` of GET /api/cases/:id: the first page, and the counts the Calls view shows. */
export type CaseCalls = CaseCallPage & {
  /** calls rejected or failed */
  failedCalls: number;
  byState: Record<string, number>;
  /** calls seen on more than one Expressway */
  joined: number;
  /** calls over the case's analyses before the join */
  parts: number;
  /** the analyses' SIP reading reports added up */
  reading: SipReading;
};

/** GET /api/cases/:id */
export type CaseView = {
  id: string;
  title: string;
  /** "done" when every analysis finished (done or failed); "queued" when it holds none yet */
  status: AnalysisStatus;
  createdAt: string;
  url: string;
  analyses: CaseAnalysis[];
  /** the bundles that look like one deployment (an MRA domain in common); more than one: unrelated bundles */
  deployments: { analysisIds: string[]; hosts: string[] }[];
  findings: CaseFinding[];
  counts: Record<Outcome, number>;
  mraRequests: CaseMraRequests;
  /** SIP calls joined across the analyses (the same call on -E and -C is one) */
  calls: CaseCalls;
};

/** one row of GET /api/cases */
export type CaseSummary = {
  id: string;
  title: string;
  status: AnalysisStatus;
  createdAt: string;
  url: string;
  hosts: string[];
  analysisCount: number;
};

/** A signature as one side of a compare saw it. */
export type CompareSide = {
  outcome: Outcome;
  /** "host:port (reason)" per affected node */
  affected: string[];
  /** total hits over the affected nodes */
  count: number;
};

export type CompareEntry = {
  signatureId: string;
  title: string;
  defects: string[];
  before: CompareSide | null;
  after: CompareSide | null;
  /** what differs, said plainly (empty for unchanged) */
  changes: string[];
};

/** GET /api/analyses/:id/compare/:otherId: `before` is the bundle collected first. */
export type CompareView = {
  before: AnalysisSummary & { collectedAt: string | null };
  after: AnalysisSummary & { collectedAt: string | null };
  /** a problem (issue / potential) after that was not one before */
  appeared: CompareEntry[];
  /** a problem before that is not one after */
  resolved: CompareEntry[];
  unchanged: CompareEntry[];
  /** same verdict class, but the outcome, affected nodes or counts differ */
  changed: CompareEntry[];
};
