// An Expressway service crashed: the Application failed alarms (15004, 15010, 15011, 15017, 15019)
// and `Event="Application Failed"` in the Event Log. 15019 means the service is not restarted
// automatically: whatever it provided (management connector, XCP, B2BUA...) stays down.
import type { Facts } from "@/lib/facts/facts";
import { ALARM_GROUPS, ALARM_REFERENCE, alarmActions, alarmAffected, alarmEvidence, alarmSeverity, clearedAlarms, describeAlarm, openAlarms } from "@/lib/signatures/alarm-common";
import { EVENTS_AND_LEVELS } from "@/lib/signatures/external-server-common";
import { DIAGNOSTIC_LOGGING, eventsOf, evidenceOf, groupAffected, plural } from "@/lib/signatures/helpers";
import { type SignatureEvaluation, defineSignature } from "@/lib/signatures/signature";

const IDS = ALARM_GROUPS.applicationFailed;

export const applicationFailed = defineSignature(
  {
    id: "application-failed",
    version: 1,
    defects: [],
    title: "An Expressway service failed unexpectedly",
    severity: "high",
    category: "defect",
    outcomes: ["issue", "potential", "ok", "missing"],
    reads: ["alarms", "events", "logFiles"],
    area: "Platform / software",
    summary: `Finds the Application failed alarms (${IDS.join(", ")}) and \`Event="Application Failed"\`: a service crashed; with 15019 it is not restarted automatically.`,
    products: ["Expressway-C", "Expressway-E"],
    inputs: ["alarm raise / lower lines in the log", "the alarm list of xstat_dump", "tvcs Event Log lines"],
    needles: ["Alarm Raised", "Alarm Lowered", 'Event="Application Failed"'],
    references: [ALARM_REFERENCE, EVENTS_AND_LEVELS],
  },
  evaluate,
);

const ACTION = [
  "1. Maintenance > Diagnostics > Incident reporting > View: download the incident report(s) of the failure and attach them, with this bundle and a system snapshot, to a TAC case: a crash is a defect to be matched against the release notes' open bugs.",
  "2. Restart the system (15019: the service is not restarted on its own); on a cluster, one peer at a time.",
  "3. Check the release notes of the running version and later maintenance releases for a fix of the failing service.",
].join("\n");

function evaluate(facts: Pick<Facts, "alarms" | "events" | "logFiles">): SignatureEvaluation {
  const open = openAlarms(facts, IDS);
  const failed = eventsOf(facts, "application_failed");
  if (open.length > 0 || failed.length > 0) {
    return {
      outcome: "issue",
      severity: alarmSeverity(open, "high"),
      description: `An Expressway service failed: ${[open.length > 0 ? open.map(describeAlarm).join("; ") : null, failed.length > 0 ? `the Event Log says \`Application Failed\` ${plural(failed.length, "time")}` : null].filter(Boolean).join("; and ")}.`,
      condition: "An open Application failed alarm, or `Event=\"Application Failed\"`.",
      furtherInformation: "The alarm's Detail names the failing process (e.g. `/opt/c_mgmt/bin/c_mgmt.sh`: the Hybrid Services management connector).",
      action: open.length > 0 ? `${ACTION}\n${alarmActions(open)}` : ACTION,
      affected: [...open.map(alarmAffected), ...groupAffected(failed, (e) => ({ host: null, ip: null, port: null, service: "application", reason: e.fields.Detail || "Application Failed" }), (e) => e.timestamp, (e) => e.peer)],
      evidence: alarmEvidence(open, evidenceOf(facts, ["application_failed"])),
    };
  }
  const cleared = clearedAlarms(facts, IDS);
  if (cleared.length > 0) {
    return { outcome: "potential", description: `A service failed and its alarm was lowered again within the logging window: ${cleared.map(describeAlarm).join("; ")}.`, condition: "An Application failed alarm raised and lowered again.", furtherInformation: "The incident report of the crash is still worth sending to TAC.", action: ACTION, affected: cleared.map(alarmAffected), evidence: alarmEvidence(cleared) };
  }
  if (facts.logFiles.length === 0 && !facts.alarms.statusRead) {
    return { outcome: "missing", description: "The bundle has neither a log nor a status dump, so service failures cannot be seen.", condition: "No loggingsnapshot and no xstat_dump.", furtherInformation: "", action: `On the Expressway, go to ${DIAGNOSTIC_LOGGING} and upload the bundle.` };
  }
  return { outcome: "ok", description: "No service failure and no open Application failed alarm in the logging window.", condition: "No open alarm 15004 / 15010 / 15011 / 15017 / 15019, no `Application Failed`.", furtherInformation: "Maintenance > Diagnostics > Incident reporting lists crashes from before the window.", action: "No action needed." };
}
