// Configuration database failure: the alarms of the administrator guide's list that say so, open or raised and lowered
// within the logging window. A failed database loses configuration; restoring a backup taken on the same peer is the usual way back.
import type { Facts } from "@/lib/facts/facts";
import { ALARM_GROUPS, ALARM_REFERENCE, alarmActions, alarmGroupEvaluation, alarmSeverity, describeAlarm } from "@/lib/signatures/alarm-common";
import { type SignatureEvaluation, defineSignature } from "@/lib/signatures/signature";

const IDS = ALARM_GROUPS.databaseFailure;

export const databaseFailure = defineSignature(
  {
    id: "database-failure",
    version: 1,
    defects: [],
    title: "Configuration database failure",
    severity: "critical",
    category: "defect",
    outcomes: ["issue", "potential", "ok", "missing"],
    reads: ["alarms", "logFiles"],
    area: "Platform",
    summary: `Finds the alarms that say the Expressway's configuration or directory database failed or lost data. Alarm ids: ${IDS.join(", ")}.`,
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
    subject: "the configuration database",
    severity: (open) => alarmSeverity(open, "critical"),
    issue: (open) => ({
      description: `${open.map(describeAlarm).join("; ")}.`,
      condition: "An open alarm (raised in the logging window and not lowered, or active in the xstat dump) with one of the ids above.",
      furtherInformation: "TN 217230: take a system snapshot for TAC, remove the peer from the cluster, restore its database from a backup taken on that peer, add it back. clusterdb_destroy_and_purge_data.sh (as root) is the last resort.",
      action: alarmActions(open),
    }),
  });
}
