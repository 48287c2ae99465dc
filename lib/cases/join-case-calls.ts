// A case's SIP calls: the calls each analysis stored, joined across the case's Expressways. A call
// through Expressway-E and -C is logged on both, each box drawing the other as a peer by IP; calls of
// different analyses with a Call-ID in common, or a usable Session-ID / Local- / Remote-SessionID in
// common (the B2BUA on -C gives its leg a new Call-ID, the session ids stay), close in time, are one
// call. Two calls of one analysis stay apart: its own engine already decided they differ. Pure, so
// the join is tested without a database; load-case-calls.ts feeds it.
import { CALL_STATES, STATE_ORDER, type CallEntity, type CallMessage, type CallState, type CallSummary, type SdpOffer, type SipReading, emptySipReading } from "@/lib/results/calls";
import type { CallQuery } from "@/lib/analyses/list-calls";
import type { CaseCallDetail, CaseCallMessage, CaseCallPage, CaseCalls, CaseCallSummary } from "@/lib/cases/case-view";

/** Parts further apart than this are not one call (a Call-ID reused another day). */
export const CASE_JOIN_WINDOW_MS = 10 * 60_000;
/** The same message logged by both ends of a hop, clocks a little apart. */
export const SAME_MESSAGE_WINDOW_MS = 5_000;
/** a Call-ID or session id shared by more calls than this is noise (a constant id), not a join */
const MAX_PER_KEY = 16;
const MAX_OFFERS = 8;
const MAX_EVIDENCE = 12;
/** as GET /api/analyses/:id/calls (lib/analyses/list-calls.ts MAX_PAGE_SIZE) */
const MAX_PAGE_SIZE = 200;

/** One stored call of one analysis (a SipCall row). */
export type CaseCallInput = {
  analysisId: string;
  host: string | null;
  /** ours in the analysis (c1, c2...) */
  callId: string;
  sipCallIds: string[];
  /** usable session ids, lower case (lib/worker/call-session-ids.ts) */
  sessionIds: string[];
  /** the row's lower-case search text */
  search: string;
  summary: CallSummary;
};

/** A call of the case with what its detail needs to merge the parts' messages. */
export type JoinedCall = {
  id: string;
  summary: CaseCallSummary;
  /** the parts' search texts, for `q` */
  search: string;
  /** its parts, the caller's side first */
  parts: CaseCallInput[];
  /** per part: its entity index -> the merged entity index */
  entityMaps: number[][];
};

const startMs = (c: CallSummary) => Date.parse(c.start ?? "");
const endMs = (c: CallSummary) => {
  const e = Date.parse(c.end ?? "");
  return Number.isFinite(e) ? e : startMs(c);
};

/** Whether two parts are close enough in time to be one call (unknown times do not refuse). */
function near(a: CallSummary, b: CallSummary): boolean {
  const sa = startMs(a);
  const sb = startMs(b);
  if (!Number.isFinite(sa) || !Number.isFinite(sb)) return true;
  const gap = Math.max(sa, sb) - Math.min(endMs(a), endMs(b));
  return gap <= CASE_JOIN_WINDOW_MS;
}

export function joinCaseCalls(inputs: CaseCallInput[]): JoinedCall[] {
  const order = new Map<string, number>();
  for (const c of inputs) if (!order.has(c.analysisId)) order.set(c.analysisId, order.size);

  // Union-find over the inputs; a group remembers the analyses in it so two calls of one never meet.
  const parent = inputs.map((_, i) => i);
  const analyses = inputs.map((c) => new Set([c.analysisId]));
  const find = (i: number): number => {
    while (parent[i] !== i) i = parent[i] = parent[parent[i]];
    return i;
  };
  const unite = (a: number, b: number) => {
    const ra = find(a);
    const rb = find(b);
    if (ra === rb) return;
    for (const id of analyses[rb]) if (analyses[ra].has(id)) return;
    parent[rb] = ra;
    for (const id of analyses[rb]) analyses[ra].add(id);
  };
  const byKey = new Map<string, number[]>();
  inputs.forEach((c, i) => {
    const keys = [...c.sipCallIds.map((id) => `c\u0000${id}`), ...c.sessionIds.map((id) => `s\u0000${id.toLowerCase()}`)];
    for (const k of new Set(keys)) {
      let list = byKey.get(k);
      if (!list) byKey.set(k, (list = []));
      list.push(i);
    }
  });
  // Call-IDs first (the stronger tie), then session ids.
  const keys = [...byKey.keys()].sort((a, b) => a.charCodeAt(0) - b.charCodeAt(0));
  for (const k of keys) {
    const list = byKey.get(k)!;
    if (list.length < 2 || list.length > MAX_PER_KEY) continue;
    for (let x = 0; x < list.length; x++) {
      for (let y = x + 1; y < list.length; y++) {
        const a = inputs[list[x]];
        const b = inputs[list[y]];
        if (a.analysisId !== b.analysisId && near(a.summary, b.summary)) unite(list[x], list[y]);
      }
    }
  }

  const groups = new Map<number, CaseCallInput[]>();
  inputs.forEach((c, i) => {
    const r = find(i);
    let g = groups.get(r);
    if (!g) groups.set(r, (g = []));
    g.push(c);
  });
  const ipHosts = expresswayAddresses(inputs);
  const calls = [...groups.values()].map((parts) => mergeParts(parts, order, ipHosts));
  calls.sort(
    (a, b) =>
      STATE_ORDER[a.summary.state] - STATE_ORDER[b.summary.state] ||
      (startMs(a.summary) || 0) - (startMs(b.summary) || 0) ||
      (a.id < b.id ? -1 : a.id > b.id ? 1 : 0),
  );
  return calls;
}

/** The address each Expressway of the case logged as its own (Local-ip), so a peer by that address is that Expressway. */
function expresswayAddresses(inputs: CaseCallInput[]): Map<string, string> {
  const out = new Map<string, string>();
  for (const c of inputs) {
    for (const e of c.summary.entities) {
      if (e.kind !== "expressway" || !e.ip || !e.host) continue;
      // the proxy's entity names the box; its B2BUA shares the address
      if (e.role === null || !out.has(e.ip)) out.set(e.ip, e.host);
    }
  }
  return out;
}

type MergedEntity = CallEntity & { key: string; native: boolean };

function entityKey(e: CallEntity, ipHosts: Map<string, string>): { key: string; host: string | null } {
  if (e.kind === "expressway") return { key: `x\u0000${e.host ?? e.ip ?? e.label}\u0000${e.role ?? ""}`, host: e.host };
  if (e.host !== null) return { key: `l\u0000${e.host}\u0000${e.ip ?? ""}\u0000${e.ports[0] ?? ""}`, host: null };
  const host = e.ip ? ipHosts.get(e.ip) : undefined;
  if (host !== undefined) return { key: `x\u0000${host}\u0000`, host };
  return { key: `p\u0000${e.ip ?? e.label}`, host: null };
}

function mergeParts(unordered: CaseCallInput[], order: Map<string, number>, ipHosts: Map<string, string>): JoinedCall {
  const parts = [...unordered].sort((a, b) => (startMs(a.summary) || 0) - (startMs(b.summary) || 0) || order.get(a.analysisId)! - order.get(b.analysisId)!);
  const first = parts[0];

  // Entities: one column per Expressway (however each box drew it) and per outside peer.
  const merged: MergedEntity[] = [];
  const index = new Map<string, number>();
  const entityMaps = parts.map((p) =>
    p.summary.entities.map((e) => {
      const { key, host } = entityKey(e, ipHosts);
      const native = e.kind === "expressway" || e.host !== null || host === null;
      let i = index.get(key);
      if (i === undefined) {
        i = merged.length;
        index.set(key, i);
        merged.push(
          native
            ? { ...e, ports: [...e.ports], key, native }
            : { id: "", key, native, kind: "expressway", label: host!, ip: e.ip, host, role: null, ports: [] },
        );
      } else if (native && !merged[i].native) {
        merged[i] = { ...e, ports: merged[i].ports, key, native };
      }
      // A mapped peer's ports are the other box's listening ports: the column keeps its own.
      if (native) for (const port of e.ports) if (!merged[i].ports.includes(port) && merged[i].ports.length < 8) merged[i].ports.push(port);
      return i;
    }),
  );
  const entities: CallEntity[] = merged.map(({ key: _key, native: _native, ...e }, i) => ({ ...e, ports: [...e.ports].sort((a, b) => a - b), id: `e${i}` }));
  const labelIn = (p: number, label: string | null): string | null => {
    if (label === null) return null;
    const i = parts[p].summary.entities.findIndex((e) => e.label === label);
    return i === -1 ? label : entities[entityMaps[p][i]].label;
  };

  const decider = parts.find((p) => p.summary.state !== "in_progress") ?? first;
  const d = decider.summary;
  const start = parts.map((p) => p.summary.start).find((s) => s !== null) ?? null;
  let end: string | null = null;
  for (const p of parts) if (p.summary.end !== null && (end === null || Date.parse(p.summary.end) > Date.parse(end))) end = p.summary.end;
  const span = Date.parse(end ?? "") - Date.parse(start ?? "");
  // Each box names who sent it the BYE; a box relaying it names the other Expressway: the one that
  // names an outside peer saw where it came from.
  const enders = parts.map((p, i) => i).filter((i) => parts[i].summary.endedBy !== null);
  const ender = enders.find((i) => entities.find((e) => e.label === labelIn(i, parts[i].summary.endedBy))?.kind === "peer") ?? enders[0] ?? -1;
  const offers: SdpOffer[] = [];
  const seenOffers = new Set<string>();
  parts.forEach((p, i) => {
    for (const o of p.summary.offers) {
      const mapped = { ...o, from: labelIn(i, o.from) ?? o.from, to: labelIn(i, o.to) ?? o.to };
      const k = JSON.stringify(mapped);
      if (offers.length < MAX_OFFERS && !seenOffers.has(k)) {
        seenOffers.add(k);
        offers.push(mapped);
      }
    }
  });
  const summary: CaseCallSummary = {
    id: `${first.analysisId}:${first.callId}`,
    callIds: [...new Set(parts.flatMap((p) => p.summary.callIds))],
    from: parts.map((p) => p.summary.from).find((v) => v !== null) ?? null,
    to: parts.map((p) => p.summary.to).find((v) => v !== null) ?? null,
    start,
    end,
    durationSeconds: parts.length > 1 && Number.isFinite(span) && span >= 0 ? Math.round(span / 100) / 10 : d.durationSeconds,
    state: d.state,
    code: d.code,
    reason: d.reason,
    warning: d.warning ?? parts.map((p) => p.summary.warning).find((w) => w !== null) ?? null,
    endedBy: ender === -1 ? null : labelIn(ender, parts[ender].summary.endedBy),
    endReason: ender === -1 ? null : parts[ender].summary.endReason,
    cause: d.cause,
    entities,
    hosts: [...new Set(parts.flatMap((p) => p.summary.hosts))],
    userAgent: parts.map((p) => p.summary.userAgent).find((v) => v !== null) ?? null,
    messageCount: parts.reduce((n, p) => n + p.summary.messageCount, 0),
    messagesKept: parts.every((p) => p.summary.messagesKept),
    cutStart: parts.every((p) => p.summary.cutStart),
    cutEnd: parts.every((p) => p.summary.cutEnd),
    challenges: Math.max(...parts.map((p) => p.summary.challenges)),
    searchNotFound: parts.some((p) => p.summary.searchNotFound),
    offers,
    evidence: parts.flatMap((p) => p.summary.evidence.map((e) => ({ ...e, file: prefixed(p.host, e.file) }))).slice(0, MAX_EVIDENCE),
    seenOn: parts.map((p) => ({ analysisId: p.analysisId, host: p.host, callId: p.callId, state: p.summary.state, code: p.summary.code })),
  };
  return { id: summary.id, summary, search: parts.map((p) => p.search).join("\n"), parts, entityMaps };
}

const prefixed = (host: string | null, file: string) => (host ? `${host}: ${file}` : file);

/**
 * The call with every part's messages (null: that part kept none) in time order, in the merged
 * columns. A message both ends of a hop logged (-E's Sent and -C's Received) is drawn once, the first
 * logged, the other named in `alsoLoggedOn`.
 */
export function mergeCallMessages(call: JoinedCall, messagesOf: (part: CaseCallInput) => CallMessage[] | null): CaseCallDetail {
  type Item = { m: CaseCallMessage; ms: number; part: number };
  const items: Item[] = [];
  call.parts.forEach((p, part) => {
    const map = call.entityMaps[part];
    for (const m of messagesOf(p) ?? []) {
      items.push({
        part,
        ms: Date.parse(m.time),
        m: { ...m, from: map[m.from] ?? 0, to: map[m.to] ?? 0, file: prefixed(p.host, m.file), analysisId: p.analysisId, host: p.host, alsoLoggedOn: [] },
      });
    }
  });
  items.sort((a, b) => (Number.isFinite(a.ms) && Number.isFinite(b.ms) ? a.ms - b.ms : 0) || a.part - b.part || a.m.index - b.m.index);
  const kept: Item[] = [];
  const byHop = new Map<string, Item[]>();
  for (const it of items) {
    const m = it.m;
    const key = `${m.from}>${m.to}\u0000${m.label}\u0000${m.callId ?? ""}\u0000${m.cseq ?? ""}`;
    const list = byHop.get(key);
    const twin = list?.find(
      (k) => k.m.analysisId !== m.analysisId && !k.m.alsoLoggedOn.some((o) => o.analysisId === m.analysisId) && Math.abs(k.ms - it.ms) <= SAME_MESSAGE_WINDOW_MS,
    );
    if (twin) {
      const source = (x: CaseCallMessage) => ({ analysisId: x.analysisId, host: x.host, file: x.file, line: x.line });
      // The whole message may be logged on one side only (network.sip at INFO on the other): draw that one.
      if (twin.m.text === null && m.text !== null) twin.m = { ...m, alsoLoggedOn: [...twin.m.alsoLoggedOn, source(twin.m)] };
      else twin.m.alsoLoggedOn.push(source(m));
      continue;
    }
    kept.push(it);
    if (list) list.push(it);
    else byHop.set(key, [it]);
  }
  const messages = kept.map((it, i) => ({ ...it.m, index: i }));
  const { summary } = call;
  return { ...summary, messageCount: summary.messagesKept ? messages.length : summary.messageCount, messages };
}

/** One page of joined calls, filtered like GET /api/analyses/:id/calls (q over every part's search text). */
export function pageOfCaseCalls(calls: JoinedCall[], query: CallQuery): CaseCallPage {
  const page = clampInt(query.page, 1, 1, 1_000_000);
  const pageSize = clampInt(query.pageSize, 50, 1, MAX_PAGE_SIZE);
  const q = (query.q ?? "").trim().toLowerCase().slice(0, 200);
  const state = CALL_STATES.includes(query.state as CallState) ? (query.state as CallState) : null;
  const code = query.code && /^\d{3}$/.test(query.code) ? Number(query.code) : null;
  const matching = calls.filter(
    (c) => (state === null || c.summary.state === state) && (code === null || c.summary.code === code) && (q === "" || c.search.includes(q)),
  );
  return { total: matching.length, page, pageSize, items: matching.slice((page - 1) * pageSize, page * pageSize).map((c) => c.summary) };
}

function clampInt(v: string | null | undefined, fallback: number, min: number, max: number): number {
  const n = v && /^\d{1,9}$/.test(v) ? Number(v) : fallback;
  return Math.min(max, Math.max(min, n));
}

/** `calls` of the case view: the first page and the counts, with the analyses' reading reports added up. */
export function caseCallsView(calls: JoinedCall[], parts: number, readings: SipReading[]): CaseCalls {
  const byState: Record<string, number> = {};
  let failedCalls = 0;
  let joined = 0;
  for (const c of calls) {
    byState[c.summary.state] = (byState[c.summary.state] ?? 0) + 1;
    if (c.summary.state === "rejected" || c.summary.state === "failed") failedCalls++;
    if (new Set(c.parts.map((p) => p.analysisId)).size > 1) joined++;
  }
  return { ...pageOfCaseCalls(calls, {}), failedCalls, byState, joined, parts, reading: addReadings(readings) };
}

export function addReadings(readings: SipReading[]): SipReading {
  const sum = emptySipReading();
  for (const r of readings) {
    for (const k of Object.keys(sum) as (keyof SipReading)[]) {
      if (k === "otherMethods") for (const [m, n] of Object.entries(r.otherMethods)) sum.otherMethods[m] = (sum.otherMethods[m] ?? 0) + n;
      else sum[k] += r[k] ?? 0;
    }
  }
  return sum;
}
