// Small pieces most signatures share: grouping log events into affected entities, version gates,
// the "how to collect what is missing" texts.
import type { Affected, Evidence } from "@/lib/results/types";
import { isAtLeast, parseExpresswayVersion } from "@/lib/facts/expressway-version";
import type { Facts } from "@/lib/facts/facts";
import type { LogEvent, LogEventKind } from "@/lib/facts/log-events";

export const MAX_EVIDENCE = 40;

export const DIAGNOSTIC_LOGGING =
  "Maintenance > Diagnostics > Diagnostic logging > Start new log, reproduce the problem, Stop logging, Collect log and Download log";

export function collectSteps(modules: string[], reproduce: string): string {
  const mods = modules.map((m) => `\`${m}\``).join(" and ");
  return `On the Expressway${modules.length > 0 ? `, set ${mods} to DEBUG under Maintenance > Diagnostics > Advanced > Support Log configuration, then` : ","} go to ${DIAGNOSTIC_LOGGING.replace("reproduce the problem", reproduce)}. Upload that bundle here (one per cluster peer, or one archive holding every peer's folder)${modules.length > 0 ? ", and set the log levels back to INFO afterwards" : ""}.`;
}

export function plural(n: number, word: string, many = `${word}s`): string {
  return `${n} ${n === 1 ? word : many}`;
}

export function hasLogs(facts: Pick<Facts, "logFiles">): boolean {
  return facts.logFiles.length > 0;
}

export function processLines(facts: Pick<Facts, "events">, pred: (process: string) => boolean): number {
  let n = 0;
  for (const [p, c] of Object.entries(facts.events.processLines)) if (pred(p)) n += c;
  return n;
}

export function eventsOf(facts: Pick<Facts, "events">, kind: LogEventKind, filter?: (e: LogEvent) => boolean): LogEvent[] {
  const list = facts.events.events[kind] ?? [];
  return filter ? list.filter(filter) : list;
}

/** Evidence of these kinds whose line passes `filter` (same test as the events used), capped. */
export function evidenceOf(facts: Pick<Facts, "events">, kinds: LogEventKind[], filter?: (text: string) => boolean): Evidence[] {
  const seen = new Set<string>();
  const out: Evidence[] = [];
  for (const k of kinds) {
    for (const e of facts.events.evidence[k] ?? []) {
      const key = `${e.file}:${e.line}`;
      if (seen.has(key) || (filter && !filter(e.text))) continue;
      seen.add(key);
      out.push(e);
    }
  }
  out.sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : a.line - b.line));
  return out.slice(0, MAX_EVIDENCE);
}

export type EntityOf = Omit<Affected, "count" | "firstSeen" | "lastSeen" | "peers">;

/** One affected row per distinct entity, with occurrence count, first / last seen and the peers that logged it. */
export function groupAffected<T>(items: T[], entity: (item: T) => EntityOf, when: (item: T) => string | null, peer: (item: T) => string | null): Affected[] {
  const byKey = new Map<string, { a: Affected; peers: Set<string>; firstMs: number; lastMs: number }>();
  for (const item of items) {
    const e = entity(item);
    const key = [e.host, e.ip, e.port, e.reason].join("\u0000");
    let g = byKey.get(key);
    if (!g) {
      g = { a: { ...e, count: 0, firstSeen: null, lastSeen: null }, peers: new Set(), firstMs: Infinity, lastMs: -Infinity };
      byKey.set(key, g);
    }
    g.a.count++;
    const p = peer(item);
    if (p) g.peers.add(p);
    const t = when(item);
    if (t) {
      const ms = Date.parse(t);
      if (!Number.isNaN(ms)) {
        if (ms < g.firstMs) [g.firstMs, g.a.firstSeen] = [ms, t];
        if (ms > g.lastMs) [g.lastMs, g.a.lastSeen] = [ms, t];
      }
    }
  }
  return [...byKey.values()]
    .map((g) => (g.peers.size > 0 ? { ...g.a, peers: [...g.peers].sort() } : g.a))
    .sort((a, b) => b.count - a.count || (a.host ?? a.ip ?? "").localeCompare(b.host ?? b.ip ?? ""));
}

export function toPort(v: string | undefined | null): number | null {
  if (v == null) return null;
  const n = Number(v);
  return Number.isInteger(n) && n > 0 && n < 65536 ? n : null;
}

export function versionAtLeast(facts: Pick<Facts, "version">, major: number, minor: number): boolean | null {
  const v = facts.version ? parseExpresswayVersion(facts.version.value) : null;
  return v === null ? null : isAtLeast(v, major, minor);
}

export function versionEvidence(facts: Pick<Facts, "version">): Evidence[] {
  const s = facts.version?.source;
  return s ? [{ file: s.file, line: s.line, text: s.text }] : [];
}

/** "a.test (10.0.0.1) port 8443" */
export function entityLabel(a: Pick<Affected, "host" | "ip" | "port">): string {
  let s = a.host ?? a.ip ?? "unknown";
  if (a.ip && a.host && a.ip !== a.host) s += ` (${a.ip})`;
  if (a.port !== null) s += ` port ${a.port}`;
  return s;
}

export function listEntities(affected: Affected[], max = 6): string {
  const shown = affected.slice(0, max).map((a) => `${entityLabel(a)}${a.peers?.length ? ` [seen by ${a.peers.join(", ")}]` : ""}: ${a.reason} (${a.count}×)`);
  return shown.join("; ") + (affected.length > max ? `; and ${affected.length - max} more` : "");
}

export function period(affected: Affected[]): string {
  const first = affected.map((a) => a.firstSeen).filter((t): t is string => !!t).sort((a, b) => Date.parse(a) - Date.parse(b))[0];
  const last = affected.map((a) => a.lastSeen).filter((t): t is string => !!t).sort((a, b) => Date.parse(b) - Date.parse(a))[0];
  if (!first || !last) return "";
  return first === last ? ` at ${first}` : ` between ${first} and ${last}`;
}

export function field(e: LogEvent, ...names: string[]): string | null {
  for (const n of names) {
    const v = e.fields[n];
    if (v !== undefined && v !== "") return v;
  }
  return null;
}

export type Texts = { description: string; condition: string; furtherInformation: string; action: string };

/**
 * The common shape of a rule that looks for a phrase in the logs: `issue` when it occurs (one
 * affected row per entity), `missing` when the logs that would carry it are absent, else `ok`.
 */
export function phraseEvaluation(
  facts: Pick<Facts, "events" | "logFiles">,
  o: {
    kinds: LogEventKind[];
    filter?: (e: LogEvent) => boolean;
    entity: (e: LogEvent) => EntityOf;
    /** whether the logs that would show the phrase are there */
    covered: boolean;
    issue: (affected: Affected[], events: LogEvent[]) => Texts;
    ok: () => Texts;
    missing: () => Texts;
  },
): import("@/lib/signatures/signature").SignatureEvaluation {
  const events = o.kinds.flatMap((k) => eventsOf(facts, k, o.filter));
  if (events.length > 0) {
    const affected = groupAffected(events, o.entity, (e) => e.timestamp, (e) => e.peer);
    const keys = new Set(events.map((e) => `${e.file}:${e.line}`));
    const evidence = evidenceOf(facts, o.kinds).filter((e) => keys.has(`${e.file}:${e.line}`) || events.some((x) => x.text === e.text));
    return { outcome: "issue", ...o.issue(affected, events), affected, evidence };
  }
  if (!hasLogs(facts) || !o.covered) return { outcome: "missing", ...o.missing() };
  return { outcome: "ok", ...o.ok() };
}
