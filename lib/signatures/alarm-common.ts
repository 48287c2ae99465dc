// What the alarm-based signatures share: which alarm ids each of them explains (so the generic
// "open alarms" card lists only the rest: one root cause, one card), the affected row and the
// sentences for an alarm, and the usual issue / potential / ok / missing decision.
import type { Affected, Evidence, Severity } from "@/lib/results/types";
import { ALARM_REFERENCE_URL, alarmInfo } from "@/lib/facts/alarm-catalog";
import type { ClearedAlarm, OpenAlarm } from "@/lib/facts/alarm-facts";
import type { Facts } from "@/lib/facts/facts";
import { DIAGNOSTIC_LOGGING, MAX_EVIDENCE, plural } from "@/lib/signatures/helpers";
import type { SignatureEvaluation } from "@/lib/signatures/signature";

/** Alarm ids a specific signature explains; the generic open-alarms signature skips them. */
export const ALARM_GROUPS = {
  hardware: ["10001", "10002", "10003", "10004", "10005"],
  applicationFailed: ["15004", "15010", "15011", "15017", "15019"],
  databaseFailure: ["15005", "15008", "15016"],
  unifiedCm: ["15030", "15032"],
  clusterCommunication: ["20004", "20006", "20021"],
  clusterReplication: ["20003", "20005", "20008", "20009", "20011", "20012", "20014", "20015", "20016", "20017", "20018", "20019", "20024", "20025", "20026"],
  clusterTlsPermissive: ["40049"],
  ntp: ["25002", "25020", "25021", "25022"],
  reverseDns: ["25030", "25031"],
  callLicenses: ["30001", "30004", "30010", "30019", "30020", "30021", "30022", "30023", "30024", "30028", "30031"],
  smartLicensing: ["30035", "30036", "30037", "30038", "30039", "30040", "30041", "30042", "30043", "30044", "30045", "30046"],
  sshTunnel: ["35013", "35014"],
  ldap: ["35004", "35012", "40029"],
  defaultPasswords: ["40003", "40005", "40008", "40028"],
  serverCertificate: ["40052", "40068", "40069"],
  restartRequired: ["15006", "15014", "15022", "15028", "20007", "20020", "25001", "25006", "25007", "25008", "25009", "25010", "25011", "25015", "25017", "25026", "25029", "30025", "40009", "40026", "40045", "45022"],
} as const satisfies Record<string, readonly string[]>;

export const CLAIMED_ALARM_IDS: ReadonlySet<string> = new Set(Object.values(ALARM_GROUPS).flat());

export const ALARM_REFERENCE = { title: "Cisco Expressway Administrator Guide (X15.0): Alarms Reference", url: ALARM_REFERENCE_URL };

export type AlarmFactsView = Pick<Facts, "alarms" | "logFiles">;

export function openAlarms(facts: Pick<Facts, "alarms">, ids: readonly string[]): OpenAlarm[] {
  return facts.alarms.open.filter((a) => ids.includes(a.id));
}

export function clearedAlarms(facts: Pick<Facts, "alarms">, ids: readonly string[]): ClearedAlarm[] {
  return facts.alarms.cleared.filter((a) => ids.includes(a.id));
}

/** "20004 Cluster communication failure" */
export function alarmName(a: { id: string; detail: string | null }): string {
  const info = alarmInfo(a.id);
  const title = info?.title ?? a.detail?.split(":")[0]?.trim() ?? "alarm";
  return `${a.id} ${title}`;
}

export function alarmAffected(a: OpenAlarm | ClearedAlarm): Affected {
  const open = "source" in a;
  return {
    host: a.peer,
    ip: null,
    port: null,
    service: "alarm",
    reason: open ? `${alarmName(a)}${a.source === "status" ? " (active in the status dump)" : ""}` : `${alarmName(a)} (raised, then lowered)`,
    count: open ? a.count : 1,
    firstSeen: a.raisedAt,
    lastSeen: open ? a.raisedAt : a.loweredAt,
  };
}

/** "20004 Cluster communication failure on expc01 (raised 2020-08-12T14:57:43.771-05:00): The system is unable ..." */
export function describeAlarm(a: OpenAlarm | ClearedAlarm): string {
  const where = a.peer ? ` on ${a.peer}` : "";
  const when = "source" in a ? (a.raisedAt ? ` (raised ${a.raisedAt})` : " (active when the status dump was taken)") : ` (raised ${a.raisedAt ?? "?"}, lowered ${a.loweredAt ?? "?"})`;
  // Callers end the sentence; the guide's texts end with a full stop of their own.
  const meaning = (a.info?.meaning ?? a.detail ?? "").replace(/\.\s*$/, "");
  return `${alarmName(a)}${where}${when}${meaning ? `: ${meaning}` : ""}`;
}

/** The guide's solution for each distinct alarm id, one line each. */
export function alarmActions(list: (OpenAlarm | ClearedAlarm)[]): string {
  const seen = new Set<string>();
  const out: string[] = [];
  for (const a of list) {
    if (seen.has(a.id)) continue;
    seen.add(a.id);
    out.push(`- ${alarmName(a)}: ${a.info?.action ?? "See the alarm's text under Status > Alarms and the administrator guide's alarm reference."}`);
  }
  return out.join("\n");
}

export function alarmEvidence(list: (OpenAlarm | ClearedAlarm)[], more: Evidence[] = []): Evidence[] {
  const seen = new Set<string>();
  const out: Evidence[] = [];
  for (const e of [...list.flatMap((a) => a.evidence), ...more]) {
    const k = `${e.file}:${e.line}`;
    if (seen.has(k)) continue;
    seen.add(k);
    out.push(e);
  }
  out.sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : a.line - b.line));
  return out.slice(0, MAX_EVIDENCE);
}

/** Whether the bundle could show alarms at all: a log (raise / lower lines) or an xstat dump (active list). */
export function alarmsVisible(facts: AlarmFactsView): boolean {
  return facts.logFiles.length > 0 || facts.alarms.statusRead;
}

/** Severity of an alarm-based issue from the guide's severity of its worst alarm. */
export function alarmSeverity(list: OpenAlarm[], fallback: Severity): Severity {
  const rank: Record<string, Severity> = { critical: "critical", error: "high", alert: "high", warning: "medium", notice: "low" };
  const order: Severity[] = ["critical", "high", "medium", "low", "info"];
  let best: Severity | null = null;
  for (const a of list) {
    const s = rank[(a.info?.severity ?? a.severity ?? "").toLowerCase()];
    if (s && (best === null || order.indexOf(s) < order.indexOf(best))) best = s;
  }
  return best ?? fallback;
}

export type AlarmTexts = { description: string; condition: string; furtherInformation: string; action: string };

/**
 * The decision of a signature that explains a group of alarms: `issue` when one is open (raised
 * in the window and not lowered, or active in the dump), `potential` when one was raised and
 * lowered again within the window, `missing` when the bundle shows no alarms at all, else `ok`.
 */
export function alarmGroupEvaluation(
  facts: AlarmFactsView,
  o: {
    ids: readonly string[];
    /** what the alarms are about, e.g. "cluster communication" */
    subject: string;
    issue: (open: OpenAlarm[]) => AlarmTexts;
    /** the severity of the issue when the alarms do not say (defaults to the signature's) */
    severity?: (open: OpenAlarm[]) => Severity | undefined;
    cleared?: (cleared: ClearedAlarm[]) => AlarmTexts;
  },
): SignatureEvaluation {
  const open = openAlarms(facts, o.ids);
  if (open.length > 0) {
    return { outcome: "issue", severity: o.severity?.(open), ...o.issue(open), affected: open.map(alarmAffected), evidence: alarmEvidence(open), references: [ALARM_REFERENCE] };
  }
  const cleared = clearedAlarms(facts, o.ids);
  if (cleared.length > 0) {
    const texts = o.cleared?.(cleared) ?? {
      description: `${plural(cleared.length, "alarm")} about ${o.subject} ${cleared.length === 1 ? "was" : "were"} raised and lowered again within the logging window: ${cleared.map(describeAlarm).join("; ")}. The condition recovered, but it happened.`,
      condition: "An `Alarm Raised` line followed by the matching `Alarm Lowered` line of the same peer.",
      furtherInformation: "A condition that comes and goes often returns; the log lines around the raise show what triggered it.",
      action: alarmActions(cleared),
    };
    return { outcome: "potential", ...texts, affected: cleared.map(alarmAffected), evidence: alarmEvidence(cleared), references: [ALARM_REFERENCE] };
  }
  if (!alarmsVisible(facts)) {
    return {
      outcome: "missing",
      description: `The bundle has neither a log nor a status dump, so no alarm about ${o.subject} could be seen.`,
      condition: "No loggingsnapshot and no xstat_dump in the bundle.",
      furtherInformation: "Alarms appear in the log when raised or lowered, and in the xstat dump while active.",
      action: `On the Expressway, go to ${DIAGNOSTIC_LOGGING} and upload the whole bundle; Status > Alarms shows the active alarms too.`,
    };
  }
  const where = [facts.logFiles.length > 0 ? "raised in the logging window and left open" : null, facts.alarms.statusRead ? "listed as active in the status dump" : null].filter(Boolean).join(", nor ");
  return {
    outcome: "ok",
    description: `No alarm about ${o.subject} (${o.ids.join(", ")}) was ${where}.`,
    condition: `No open alarm with id ${o.ids.join(", ")}.`,
    furtherInformation: facts.alarms.statusRead ? "" : "Without an xstat dump, an alarm raised before the logging window started and still active is not visible: check Status > Alarms.",
    action: "No action needed.",
  };
}
