// The MRA requests of a case's analyses, joined across boxes: a client's request reaches
// Expressway-E, which relays it to Expressway-C, which proxies it to CUCM / IM&P / Unity; each box logs
// its own row. Rows of different analyses that carry the same TrackingID (the traffic server logs the
// client's id on every hop, TN 225746) are one request; rows without one on both sides fall back to
// the same method, path and target within a few seconds. Two rows whose TrackingIDs differ are two
// requests, however alike. A hop that logged an upstream failure (certificate, SNI) explains the
// 502 / 504 another hop answered the client.
import type { MraRequestRow } from "@/lib/results/mra-requests";
import type { CaseExplanation, CaseMraHop, CaseMraRequests, CaseMraRow } from "@/lib/cases/case-view";

/** Clocks of two boxes differ a little and a relayed request takes a moment: join within this window. */
export const CORRELATION_WINDOW_MS = 5_000;
const MAX_ROWS = 2_000;

export type CorrelationInput = { analysisId: string; host: string | null; total: number; rows: MraRequestRow[] };

type Candidate = { input: number; row: MraRequestRow; at: number; taken: boolean };

/** An upstream failure the traffic server named itself, as opposed to a relayed HTTP status. */
const isUpstreamFailure = (failure: string | null): failure is string => failure !== null && !/^HTTP \d{3}/.test(failure);
const isRelayedError = (status: number | null) => status === 502 || status === 504;
const trackingOf = (c: Candidate) => c.row.trackingId ?? null;

export function correlateMraRequests(inputs: CorrelationInput[]): CaseMraRequests & { explanations: CaseExplanation[] } {
  const byKey = new Map<string, Candidate[]>();
  const byTracking = new Map<string, Candidate[]>();
  let total = 0;
  inputs.forEach((input, i) => {
    total += input.total;
    for (const row of input.rows) {
      const at = Date.parse(row.time);
      const candidate: Candidate = { input: i, row, at: Number.isFinite(at) ? at : Number.NaN, taken: false };
      const key = `${row.method ?? ""}\u0000${row.path ?? ""}\u0000${row.host ?? ""}\u0000${row.port ?? ""}`;
      let list = byKey.get(key);
      if (!list) byKey.set(key, (list = []));
      list.push(candidate);
      if (row.trackingId) {
        let same = byTracking.get(row.trackingId);
        if (!same) byTracking.set(row.trackingId, (same = []));
        same.push(candidate);
      }
    }
  });

  const rows: CaseMraRow[] = [];
  const explanations = new Map<string, CaseExplanation>();
  let correlated = 0;
  let byTrackingId = 0;
  // First the rows whose TrackingID another analysis logged too: one hop per analysis, the earliest.
  for (const list of byTracking.values()) {
    if (new Set(list.map((c) => c.input)).size < 2) continue;
    list.sort((a, b) => a.at - b.at);
    const group: Candidate[] = [];
    for (const c of list) {
      if (group.some((g) => g.input === c.input)) continue;
      c.taken = true;
      group.push(c);
    }
    correlated++;
    byTrackingId++;
    rows.push(toRow(group, inputs, explanations, "tracking_id"));
  }
  // Then the heuristic over what is left.
  for (const list of byKey.values()) {
    list.sort((a, b) => a.at - b.at);
    for (let i = 0; i < list.length; i++) {
      const first = list[i];
      if (first.taken) continue;
      first.taken = true;
      const group = [first];
      // One hop per other analysis: the nearest untaken row within the window, never one whose
      // TrackingID differs from a hop's already in the group.
      if (Number.isFinite(first.at)) {
        for (let j = i + 1; j < list.length && list[j].at - first.at <= CORRELATION_WINDOW_MS; j++) {
          const c = list[j];
          if (c.taken || group.some((g) => g.input === c.input || conflicting(g, c))) continue;
          c.taken = true;
          group.push(c);
        }
      }
      if (group.length > 1) correlated++;
      rows.push(toRow(group, inputs, explanations, group.length > 1 ? "request" : null));
    }
  }
  rows.sort((a, b) => Date.parse(a.time) - Date.parse(b.time));
  return { total, correlated, byTrackingId, rows: rows.slice(0, MAX_ROWS), explanations: [...explanations.values()] };
}

/** Both rows name their request and the names differ: two requests. */
function conflicting(a: Candidate, b: Candidate): boolean {
  const ta = trackingOf(a);
  const tb = trackingOf(b);
  return ta !== null && tb !== null && ta !== tb;
}

function toRow(group: Candidate[], inputs: CorrelationInput[], explanations: Map<string, CaseExplanation>, matchedBy: CaseMraRow["matchedBy"]): CaseMraRow {
  // The box that talked to the node (and failed) is the last hop; the others by time.
  const ordered = [...group].sort((a, b) => Number(isUpstreamFailure(a.row.failure)) - Number(isUpstreamFailure(b.row.failure)) || a.at - b.at);
  const cause = ordered.find((c) => isUpstreamFailure(c.row.failure));
  const hops: CaseMraHop[] = ordered.map((c) => {
    const input = inputs[c.input];
    let explainedBy: string | null = null;
    if (cause && cause !== c && isRelayedError(c.row.status)) {
      const causeInput = inputs[cause.input];
      explainedBy = `${cause.row.failure} on ${causeInput.host ?? causeInput.analysisId}`;
      const target = c.row.host ? `${c.row.host}${c.row.port ? `:${c.row.port}` : ""}` : null;
      const key = `${causeInput.analysisId}\u0000${input.analysisId}\u0000${cause.row.failure}\u0000${target}`;
      let e = explanations.get(key);
      if (!e) {
        explanations.set(
          key,
          (e = {
            causeHost: causeInput.host,
            causeAnalysisId: causeInput.analysisId,
            symptomHost: input.host,
            symptomAnalysisId: input.analysisId,
            statuses: [],
            requests: 0,
            failure: cause.row.failure as string,
            target,
          }),
        );
      }
      e.requests++;
      if (c.row.status !== null && !e.statuses.includes(c.row.status)) e.statuses.push(c.row.status);
    }
    return { analysisId: input.analysisId, peer: c.row.peer ?? input.host, time: c.row.time, trackingId: trackingOf(c), status: c.row.status, failure: c.row.failure, file: c.row.file, line: c.row.line, explainedBy };
  });
  const head = ordered[0].row;
  return {
    time: head.time,
    user: ordered.map((c) => c.row.user).find((u) => u !== null) ?? null,
    method: head.method,
    path: head.path,
    host: head.host,
    port: head.port,
    service: head.service,
    status: head.status,
    failure: cause?.row.failure ?? ordered.map((c) => c.row.failure).find((f) => f !== null) ?? null,
    trackingId: ordered.map(trackingOf).find((t) => t !== null) ?? null,
    matchedBy,
    hops,
  };
}
