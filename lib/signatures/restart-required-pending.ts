// A configuration change waits for a restart: the alarms of the administrator guide's list that say so, open or raised and lowered
// within the logging window. Until the restart the old settings stay in effect; troubleshooting against the new ones misleads.
import type { Facts } from "@/lib/facts/facts";
import { ALARM_GROUPS, ALARM_REFERENCE, alarmActions, alarmGroupEvaluation, alarmSeverity, describeAlarm } from "@/lib/signatures/alarm-common";
import { type SignatureEvaluation, defineSignature } from "@/lib/signatures/signature";

const IDS = ALARM_GROUPS.restartRequired;

export const restartRequiredPending = defineSignature(
  {
    id: "restart-required-pending",
    version: 1,
    defects: [],
    title: "A configuration change waits for a restart",
    severity: "medium",
    category: "informational",
    outcomes: ["issue", "potential", "ok", "missing"],
    reads: ["alarms", "logFiles"],
    area: "Platform",
    summary: `Finds the Restart required alarms: network, cluster, certificate, option key or service configuration changed but is not in effect until the Expressway restarts, so the box does not yet run what its configuration pages show. Alarm ids: ${IDS.join(", ")}.`,
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
    subject: "pending restarts",
    severity: (open) => alarmSeverity(open, "medium"),
    issue: (open) => ({
      description: `${open.map(describeAlarm).join("; ")}.`,
      condition: "An open alarm (raised in the logging window and not lowered, or active in the xstat dump) with one of the ids above.",
      furtherInformation: "Restart each peer in turn (Maintenance > Restart options) at a quiet time; on a cluster restart the primary first.",
      action: alarmActions(open),
    }),
  });
}
