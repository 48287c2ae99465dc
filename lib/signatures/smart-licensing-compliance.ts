// Smart Licensing: evaluation, out of compliance or authorization expired: the alarms of the administrator guide's list that say so, open or raised and lowered
// within the logging window. In enforced mode the Expressway stops provisioning users and devices.
import type { Facts } from "@/lib/facts/facts";
import { ALARM_GROUPS, ALARM_REFERENCE, alarmActions, alarmGroupEvaluation, alarmSeverity, describeAlarm } from "@/lib/signatures/alarm-common";
import { type SignatureEvaluation, defineSignature } from "@/lib/signatures/signature";

const IDS = ALARM_GROUPS.smartLicensing;

export const smartLicensingCompliance = defineSignature(
  {
    id: "smart-licensing-compliance",
    version: 1,
    defects: [],
    title: "Smart Licensing: evaluation, out of compliance or authorization expired",
    severity: "high",
    category: "misconfiguration",
    outcomes: ["issue", "potential", "ok", "missing"],
    reads: ["alarms", "logFiles"],
    area: "Licensing",
    summary: `Finds the Smart Licensing alarms: evaluation mode, out of compliance, authorization or registration expired or expiring, failed renewals and lost communication with Cisco Smart Software Manager. Alarm ids: ${IDS.join(", ")}.`,
    products: ["Expressway-C", "Expressway-E"],
    inputs: ["alarm raise / lower lines in the log", "the alarm list of xstat_dump"],
    needles: ["Alarm Raised", "Alarm Lowered"],
    references: [ALARM_REFERENCE],
  },
  evaluate,
);

function evaluate(facts: Pick<Facts, "alarms" | "logFiles">): SignatureEvaluation {
  return alarmGroupEvaluation(facts, {
    ids: IDS,
    subject: "Smart Licensing",
    severity: (open) => alarmSeverity(open, "high"),
    issue: (open) => ({
      description: `${open.map(describeAlarm).join("; ")}.`,
      condition: "An open alarm (raised in the logging window and not lowered, or active in the xstat dump) with one of the ids above.",
      furtherInformation: "Smart Licensing renews its authorization with Cisco Smart Software Manager (cloud, on-prem satellite, or through a proxy); a wrong clock or blocked HTTPS to it makes renewals fail.",
      action: alarmActions(open),
    }),
  });
}
