// Hardware failure on the appliance: the alarms of the administrator guide's list that say so, open or raised and lowered
// within the logging window. Cisco appliances report fans, temperature, voltage, RAID and power supplies through these alarms.
import type { Facts } from "@/lib/facts/facts";
import { ALARM_GROUPS, ALARM_REFERENCE, alarmActions, alarmGroupEvaluation, alarmSeverity, describeAlarm } from "@/lib/signatures/alarm-common";
import { type SignatureEvaluation, defineSignature } from "@/lib/signatures/signature";

const IDS = ALARM_GROUPS.hardware;

export const hardwareFailure = defineSignature(
  {
    id: "hardware-failure",
    version: 1,
    defects: [],
    title: "Hardware failure on the appliance",
    severity: "critical",
    category: "defect",
    outcomes: ["issue", "potential", "ok", "missing"],
    reads: ["alarms", "logFiles"],
    area: "Platform",
    summary: `Finds the hardware alarms of a CE1200 / CE1100 appliance: failed fan, temperature or voltage, degraded or rebuilding RAID, lost power supply redundancy, unsuitable VM hardware. Alarm ids: ${IDS.join(", ")}.`,
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
    subject: "hardware",
    severity: (open) => alarmSeverity(open, "critical"),
    issue: (open) => ({
      description: `${open.map(describeAlarm).join("; ")}.`,
      condition: "An open alarm (raised in the logging window and not lowered, or active in the xstat dump) with one of the ids above.",
      furtherInformation: "On a physical appliance, replacement parts come through the RMA process; a virtual machine raises 10005 when its vCPU, memory or disk do not match a supported size.",
      action: alarmActions(open),
    }),
  });
}
