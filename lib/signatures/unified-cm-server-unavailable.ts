// MRA: Unified CM servers unavailable or inconsistent: the alarms of the administrator guide's list that say so, open or raised and lowered
// within the logging window. Expressway-C reads the cluster's nodes from the Unified CM publisher (Configuration > Unified Communications > Unified CM servers).
import type { Facts } from "@/lib/facts/facts";
import { ALARM_GROUPS, ALARM_REFERENCE, alarmActions, alarmGroupEvaluation, alarmSeverity, describeAlarm } from "@/lib/signatures/alarm-common";
import { type SignatureEvaluation, defineSignature } from "@/lib/signatures/signature";

const IDS = ALARM_GROUPS.unifiedCm;

export const unifiedCmServerUnavailable = defineSignature(
  {
    id: "unified-cm-server-unavailable",
    version: 1,
    defects: [],
    title: "MRA: Unified CM servers unavailable or inconsistent",
    severity: "high",
    category: "misconfiguration",
    outcomes: ["issue", "potential", "ok", "missing"],
    reads: ["alarms", "logFiles"],
    area: "MRA / Unified CM discovery",
    summary: `Finds the alarms Expressway-C raises when the Unified CM servers it discovered are unreachable or its copy of their configuration is inconsistent: MRA logins and registrations to those nodes fail. Alarm ids: ${IDS.join(", ")}.`,
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
    subject: "Unified CM server discovery",
    severity: (open) => alarmSeverity(open, "high"),
    issue: (open) => ({
      description: `${open.map(describeAlarm).join("; ")}.`,
      condition: "An open alarm (raised in the logging window and not lowered, or active in the xstat dump) with one of the ids above.",
      furtherInformation: "After Unified CM nodes are added, removed or renamed, the Expressway-C's list must be refreshed; an unreachable node in it makes MRA requests routed to it fail.",
      action: alarmActions(open),
    }),
  });
}
