// Rich media session / call / registration licenses ran out, or the unit's physical capacity was
// reached: the capacity alarms and `Event="License Limit Reached"`. Calls beyond the limit are
// rejected, which looks like random call failures at busy hours.
import type { Facts } from "@/lib/facts/facts";
import { ALARM_GROUPS, ALARM_REFERENCE, alarmActions, alarmAffected, alarmEvidence, clearedAlarms, describeAlarm, openAlarms } from "@/lib/signatures/alarm-common";
import { EVENTS_AND_LEVELS } from "@/lib/signatures/external-server-common";
import { DIAGNOSTIC_LOGGING, eventsOf, evidenceOf, groupAffected, plural } from "@/lib/signatures/helpers";
import { type SignatureEvaluation, defineSignature } from "@/lib/signatures/signature";

const IDS = ALARM_GROUPS.callLicenses;

export const callLicenseLimit = defineSignature(
  {
    id: "call-license-limit",
    version: 1,
    defects: [],
    title: "Call, rich media session or registration licenses exhausted",
    severity: "high",
    category: "misconfiguration",
    outcomes: ["issue", "potential", "ok", "missing"],
    reads: ["alarms", "events", "logFiles"],
    area: "Licensing",
    summary: `Finds \`Event="License Limit Reached"\` and the capacity alarms (${IDS.join(", ")}): concurrent calls (rich media sessions), TURN relays or registrations reached the licensed or physical limit, and calls beyond it are rejected.`,
    products: ["Expressway-C", "Expressway-E"],
    inputs: ["tvcs Event Log lines", "alarm raise / lower lines in the log", "the alarm list of xstat_dump"],
    needles: ["License Limit Reached", "Alarm Raised", "Alarm Lowered"],
    references: [ALARM_REFERENCE, EVENTS_AND_LEVELS],
  },
  evaluate,
);

const ACTION = [
  "1. Maintenance > Licensing (or Option keys): compare the installed rich media session, room / desktop and TURN licenses with the peak usage on Status > Overview.",
  "2. On a cluster, licenses are pooled: a peer that is down for days takes its licenses out of the pool (alarms 30012-30017).",
  "3. Add licenses, or capacity when the physical limit of the VM size is reached.",
].join("\n");

function evaluate(facts: Pick<Facts, "alarms" | "events" | "logFiles">): SignatureEvaluation {
  const open = openAlarms(facts, IDS);
  const limits = eventsOf(facts, "license_limit");
  if (open.length > 0 || limits.length > 0) {
    const rows = [...open.map(alarmAffected), ...groupAffected(limits, (e) => ({ host: null, ip: null, port: null, service: "licensing", reason: e.fields.Detail || "License Limit Reached" }), (e) => e.timestamp, (e) => e.peer)];
    const parts = [
      limits.length > 0 ? `the Event Log says \`License Limit Reached\` ${plural(limits.length, "time")} (${[...new Set(limits.map((e) => e.fields.Detail).filter(Boolean))].slice(0, 3).join("; ") || "no detail"})` : null,
      open.length > 0 ? `capacity alarms are open: ${open.map(describeAlarm).join("; ")}` : null,
    ].filter(Boolean);
    return {
      outcome: "issue",
      description: `The Expressway ran out of licenses or capacity: ${parts.join("; and ")}. Calls (or registrations, or TURN relays) beyond the limit are rejected.`,
      condition: "`Event=\"License Limit Reached\"`, or an open capacity / license limit alarm.",
      furtherInformation: "MRA calls use rich media session licenses on the Expressway-C and -E; calls between registered endpoints and Unified CM do not.",
      action: open.length > 0 ? `${ACTION}\n${alarmActions(open)}` : ACTION,
      affected: rows,
      evidence: alarmEvidence(open, evidenceOf(facts, ["license_limit"])),
    };
  }
  const cleared = clearedAlarms(facts, IDS);
  if (cleared.length > 0) {
    return { outcome: "potential", description: `Usage reached a license or capacity limit and fell again within the logging window: ${cleared.map(describeAlarm).join("; ")}.`, condition: "A capacity alarm raised and lowered again.", furtherInformation: "Busy hours will hit it again.", action: ACTION, affected: cleared.map(alarmAffected), evidence: alarmEvidence(cleared) };
  }
  if (facts.logFiles.length === 0 && !facts.alarms.statusRead) {
    return { outcome: "missing", description: "The bundle has neither a log nor a status dump, so license limits cannot be judged.", condition: "No loggingsnapshot and no xstat_dump.", furtherInformation: "", action: `On the Expressway, go to ${DIAGNOSTIC_LOGGING} during a busy hour and upload the bundle.` };
  }
  return { outcome: "ok", description: "No license limit was reached and no capacity alarm is open in the logging window.", condition: "No `License Limit Reached`, no open capacity alarm.", furtherInformation: "Only the logging window is covered: Status > Overview shows peak license usage.", action: "No action needed." };
}
