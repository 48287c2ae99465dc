// The alarms a bundle shows: `Event="Alarm Raised"` / `"Alarm Lowered"` lines of the log (the
// `alarm:` and `management:` processes write them, see TN 217230) replayed in time order per peer,
// and the alarms the xstat dump lists as active. An alarm raised and not lowered within the
// logging window, or listed in the dump, is "open"; each open alarm carries the administrator
// guide's meaning and action when its id is known.
import type { Evidence } from "@/lib/results/types";
import { type AlarmInfo, alarmInfo } from "@/lib/facts/alarm-catalog";
import type { LogEvent } from "@/lib/facts/log-events";
import type { StatusDumpFacts } from "@/lib/facts/status-dump";

export type OpenAlarm = {
  id: string;
  /** the alarm's own title / detail text ("Cluster communication failure: The system is ...") */
  detail: string | null;
  severity: string | null;
  /** the Expressway that raised it (syslog host, or the dump's host) */
  peer: string | null;
  /** when it was (first) raised in the window; null for alarms only the dump lists */
  raisedAt: string | null;
  /** raise lines seen for it in the window */
  count: number;
  /** "log": raised in the window and not lowered; "status": active in the xstat dump */
  source: "log" | "status";
  info: AlarmInfo | null;
  evidence: Evidence[];
};

/** An alarm raised and lowered again within the window: the problem happened and recovered. */
export type ClearedAlarm = {
  id: string;
  detail: string | null;
  peer: string | null;
  raisedAt: string | null;
  loweredAt: string | null;
  info: AlarmInfo | null;
  evidence: Evidence[];
};

export type AlarmFacts = {
  /** alarm raise / lower lines in the logs */
  logLines: number;
  raised: number;
  lowered: number;
  /** alarms lowered in the window (also those raised before it) */
  loweredIds: string[];
  open: OpenAlarm[];
  cleared: ClearedAlarm[];
  /** whether an xstat dump was read (its alarm list then counts even when empty) */
  statusRead: boolean;
};

const MAX_EVIDENCE_PER_ALARM = 6;

export function buildAlarmFacts(events: readonly LogEvent[], status: StatusDumpFacts | null): AlarmFacts {
  const sorted = [...events].sort((a, b) => stampMs(a) - stampMs(b) || (a.file < b.file ? -1 : a.file > b.file ? 1 : a.line - b.line));
  const open = new Map<string, OpenAlarm>();
  const lowered = new Set<string>();
  const cleared: ClearedAlarm[] = [];
  let raisedCount = 0;
  let loweredCount = 0;
  for (const e of sorted) {
    const id = e.fields.Id ?? e.fields.ID ?? null;
    const what = e.fields.Event ?? "";
    if (!id || !/^\d{4,6}$/.test(id)) continue;
    const key = `${e.peer ?? ""}\u0000${id}`;
    if (/^alarm raised$/i.test(what)) {
      raisedCount++;
      let a = open.get(key);
      if (!a) {
        a = { id, detail: e.fields.Detail ?? null, severity: e.fields.Severity ?? null, peer: e.peer, raisedAt: e.timestamp, count: 0, source: "log", info: alarmInfo(id), evidence: [] };
        open.set(key, a);
      }
      a.count++;
      if (a.evidence.length < MAX_EVIDENCE_PER_ALARM) a.evidence.push({ file: e.file, line: e.line, text: e.text });
    } else if (/^alarm lowered$/i.test(what)) {
      loweredCount++;
      const was = open.get(key);
      if (was && was.source === "log") {
        open.delete(key);
        cleared.push({ id, detail: was.detail, peer: was.peer, raisedAt: was.raisedAt, loweredAt: e.timestamp, info: was.info, evidence: [...was.evidence, { file: e.file, line: e.line, text: e.text }] });
      }
      lowered.add(id);
    }
  }
  const list = [...open.values()];
  for (const s of status?.alarms ?? []) {
    const id = s.id && /^\d{4,6}$/.test(s.id) ? s.id : null;
    if (!id) continue;
    if (/lowered|cleared/i.test(s.state ?? "")) continue;
    // The dump may predate the end of the window: an alarm the log lowered (and did not raise again) is closed.
    if (lowered.has(id) && !list.some((a) => a.id === id)) continue;
    if (list.some((a) => a.id === id && (a.peer === null || s.peer === null || a.peer === s.peer))) continue;
    list.push({
      id,
      detail: [s.title, s.description].filter(Boolean).join(": ") || null,
      severity: s.severity,
      peer: s.peer,
      raisedAt: null,
      count: 1,
      source: "status",
      info: alarmInfo(id),
      evidence: [{ file: s.source.file, line: s.source.line, text: s.source.text }],
    });
  }
  list.sort((a, b) => a.id.localeCompare(b.id) || (a.peer ?? "").localeCompare(b.peer ?? ""));
  return { logLines: events.length, raised: raisedCount, lowered: loweredCount, loweredIds: [...lowered].sort(), open: list, cleared, statusRead: status !== null };
}

function stampMs(e: LogEvent): number {
  const ms = e.timestamp ? Date.parse(e.timestamp) : NaN;
  return Number.isNaN(ms) ? 0 : ms;
}
