// Every alarm raised and not lowered in the logging window (or active in the xstat dump) that no
// more specific signature explains, each with what the administrator guide says it means and
// what to do. The alarms other signatures explain (cluster, NTP, licensing, certificates, ...)
// get their own cards there.
import type { Facts } from "@/lib/facts/facts";
import { ALARM_REFERENCE, CLAIMED_ALARM_IDS, alarmActions, alarmAffected, alarmEvidence, alarmSeverity, alarmsVisible, describeAlarm } from "@/lib/signatures/alarm-common";
import { DIAGNOSTIC_LOGGING, plural } from "@/lib/signatures/helpers";
import { type SignatureEvaluation, defineSignature } from "@/lib/signatures/signature";

export const alarmRaisedNotLowered = defineSignature(
  {
    id: "alarm-raised-not-lowered",
    version: 1,
    defects: [],
    title: "Alarms raised and not lowered",
    severity: "medium",
    category: "informational",
    outcomes: ["issue", "ok", "missing"],
    reads: ["alarms", "logFiles"],
    area: "Alarms",
    summary:
      "Lists every alarm raised in the logging window and not lowered (`Event=\"Alarm Raised\"` without a matching `\"Alarm Lowered\"`), and every alarm the xstat dump lists as active, with the administrator guide's meaning and solution. Alarms another signature explains appear on that signature's card instead.",
    products: ["Expressway-C", "Expressway-E"],
    inputs: ["alarm raise / lower lines in the log (`alarm:`, `management:` processes)", "the alarm list of xstat_dump"],
    needles: ["Alarm Raised", "Alarm Lowered"],
    references: [ALARM_REFERENCE],
  },
  evaluate,
);

function evaluate(facts: Pick<Facts, "alarms" | "logFiles">): SignatureEvaluation {
  const open = facts.alarms.open.filter((a) => !CLAIMED_ALARM_IDS.has(a.id));
  if (open.length > 0) {
    return {
      outcome: "issue",
      severity: alarmSeverity(open, "medium"),
      description: `${plural(open.length, "alarm")} ${open.length === 1 ? "is" : "are"} open: ${open.map(describeAlarm).join("; ")}.`,
      condition: "An `Alarm Raised` line in the logging window without a later `Alarm Lowered` of the same id on the same peer, or an alarm listed as active in the xstat dump.",
      furtherInformation: `Open alarms show under Status > Alarms on the Expressway. ${open.some((a) => !a.info) ? "Alarms whose id is not in the analyser's table are shown with the text they carry. " : ""}An alarm about a condition that has since been fixed is lowered by the Expressway itself; one that stays needs the action below.`,
      action: alarmActions(open),
      affected: open.map(alarmAffected),
      evidence: alarmEvidence(open),
    };
  }
  if (!alarmsVisible(facts)) {
    return {
      outcome: "missing",
      description: "The bundle has neither a log nor a status dump, so its alarms cannot be seen.",
      condition: "No loggingsnapshot and no xstat_dump.",
      furtherInformation: "",
      action: `On the Expressway, go to ${DIAGNOSTIC_LOGGING} and upload the whole bundle, or look at Status > Alarms.`,
    };
  }
  const other = facts.alarms.open.length;
  return {
    outcome: "ok",
    description: `No other alarm is open${other > 0 ? ` (${plural(other, "open alarm")} ${other === 1 ? "is" : "are"} explained on ${other === 1 ? "its own card" : "their own cards"})` : ""}: ${facts.alarms.raised} raised and ${facts.alarms.lowered} lowered in the logging window${facts.alarms.statusRead ? ", and the status dump lists none besides those" : ""}.`,
    condition: "Every alarm raised in the window was lowered again, or is explained by a more specific signature.",
    furtherInformation: facts.alarms.statusRead ? "" : "Without an xstat dump, alarms raised before the logging window started are not visible: check Status > Alarms.",
    action: "No action needed.",
  };
}
