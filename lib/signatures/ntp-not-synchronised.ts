// The Expressway's clock is not synchronised with NTP: the time alarms (25002, 25020, 25021,
// 25022), NTP servers not answering in the Event Log, and the NTP status in the xstat dump. A wrong
// clock breaks certificate checks (not yet valid / expired), traversal authentication between C
// and E, Smart Licensing and SAML.
import type { Affected } from "@/lib/results/types";
import type { Facts } from "@/lib/facts/facts";
import { ALARM_GROUPS, ALARM_REFERENCE, alarmActions, alarmAffected, alarmEvidence, clearedAlarms, describeAlarm, openAlarms } from "@/lib/signatures/alarm-common";
import { ESCF_NEEDLE, EVENTS_AND_LEVELS, externalAffected, externalServerFailures } from "@/lib/signatures/external-server-common";
import { DIAGNOSTIC_LOGGING, evidenceOf, plural } from "@/lib/signatures/helpers";
import { type SignatureEvaluation, defineSignature } from "@/lib/signatures/signature";

const IDS = ALARM_GROUPS.ntp;
// The XACLI status of the NTP element is an attribute, `Active` once a server answers and
// `Inactive` (no sub-structure) otherwise (TANDBERG API guide D14172.01, Examples 1.2, 1.3, 2.5);
// the other spellings are the modelled `Status: "Synchronised"` layout.
const UNSYNCED = /unsynch?roni[sz]ed|not synch?roni[sz]ed|^inactive|down|fail|reject|unreachable|no server/i;
const SYNCED = /^synch?roni[sz]ed|^active$/i;

export const ntpNotSynchronised = defineSignature(
  {
    id: "ntp-not-synchronised",
    version: 1,
    defects: [],
    title: "Clock not synchronised with NTP",
    severity: "high",
    category: "misconfiguration",
    outcomes: ["issue", "potential", "ok", "missing"],
    reads: ["alarms", "events", "logFiles", "statusDump"],
    area: "Platform / time",
    summary: `Finds the time alarms (${IDS.join(", ")}), NTP servers failing in the Event Log and an unsynchronised NTP status in the xstat dump: a wrong clock breaks certificate validity checks, traversal zone authentication, Smart Licensing and SSO.`,
    products: ["Expressway-C", "Expressway-E"],
    inputs: ["alarm raise / lower lines in the log", "the alarm list and NTP status of xstat_dump", "tvcs Event Log lines"],
    needles: ["Alarm Raised", "Alarm Lowered", ESCF_NEEDLE],
    references: [ALARM_REFERENCE, EVENTS_AND_LEVELS],
  },
  evaluate,
);

const ACTION = [
  "1. System > Time: configure at least one (better three) reachable NTP servers, the same on every peer and on both sides of the traversal zone.",
  "2. Allow UDP 123 from the Expressway to them; with NTP server names, DNS must resolve them.",
  "3. Check Status > System > Time (or `xstatus NTP`) until the state is synchronised; with authentication keys, check their expiry.",
].join("\n");

function evaluate(facts: Pick<Facts, "alarms" | "events" | "logFiles" | "statusDump">): SignatureEvaluation {
  const open = openAlarms(facts, IDS);
  const failures = externalServerFailures(facts, ["NTP"]);
  const statuses = facts.statusDump?.ntp ?? [];
  const unsynced = statuses.filter((s) => UNSYNCED.test(s.status));
  if (open.length > 0 || failures.length > 0 || unsynced.length > 0) {
    const rows: Affected[] = [
      ...open.map(alarmAffected),
      ...externalAffected(failures, "NTP"),
      ...unsynced.map((s) => ({ host: null, ip: null, port: null, service: "NTP", reason: `NTP status "${s.status}" in ${s.file}`, count: 1, firstSeen: null, lastSeen: null })),
    ];
    const keys = new Set(failures.map((e) => `${e.file}:${e.line}`));
    const parts = [
      open.length > 0 ? `time alarms are open: ${open.map(describeAlarm).join("; ")}` : null,
      failures.length > 0 ? `NTP servers did not answer (${plural(failures.length, "failure")})` : null,
      unsynced.length > 0 ? `the status dump reports NTP as "${unsynced[0].status}"` : null,
    ].filter(Boolean);
    return {
      outcome: "issue",
      description: `The clock is not synchronised: ${parts.join("; ")}. Certificates can look not yet valid or expired, traversal zone authentication between Expressway-C and -E fails when their clocks differ, and Smart Licensing and SAML assertions are refused.`,
      condition: "An open alarm 25002 / 25020 / 25021 / 25022, an NTP External Server Communications Failure, or an unsynchronised NTP status in xstat.",
      furtherInformation: "Traversal zones authenticate with time-based credentials: 25022 means the two sides' clocks differ.",
      action: open.length > 0 ? `${ACTION}\n${alarmActions(open)}` : ACTION,
      affected: rows,
      evidence: alarmEvidence(open, [...evidenceOf(facts, ["external_server_failure"]).filter((e) => keys.has(`${e.file}:${e.line}`)), ...unsynced.map((s) => ({ file: s.source.file, line: s.source.line, text: s.source.text }))]),
    };
  }
  const cleared = clearedAlarms(facts, IDS);
  if (cleared.length > 0) {
    return {
      outcome: "potential",
      description: `NTP synchronisation was lost and came back within the logging window: ${cleared.map(describeAlarm).join("; ")}.`,
      condition: "A time alarm raised and lowered again in the window.",
      furtherInformation: "",
      action: ACTION,
      affected: cleared.map(alarmAffected),
      evidence: alarmEvidence(cleared),
    };
  }
  const synced = statuses.find((s) => SYNCED.test(s.status));
  if (synced) {
    return { outcome: "ok", description: `The status dump reports NTP as "${synced.status}", and no time alarm is open.`, condition: "xstat NTP status synchronised; no open time alarm.", furtherInformation: "", action: "No action needed." };
  }
  if (facts.logFiles.length === 0 && !facts.alarms.statusRead) {
    return { outcome: "missing", description: "The bundle has neither a log nor a status dump, so NTP synchronisation cannot be judged.", condition: "No loggingsnapshot and no xstat_dump.", furtherInformation: "", action: `On the Expressway, go to ${DIAGNOSTIC_LOGGING} and upload the whole bundle.` };
  }
  return {
    outcome: "ok",
    description: "No time alarm is open and no NTP server failed in the logging window.",
    condition: "No open alarm 25002 / 25020 / 25021 / 25022 and no NTP External Server Communications Failure.",
    furtherInformation: statuses.length === 0 ? "The status dump carries no NTP status, so synchronisation itself was not read: Status > System > Time shows it." : "",
    action: "No action needed.",
  };
}
