// Cluster replication error: the alarms of the administrator guide's list that say so, open or raised and lowered
// within the logging window. Peers copy their configuration from the configuration primary; a peer that cannot does not take the changes made there.
import type { Facts } from "@/lib/facts/facts";
import { ALARM_GROUPS, ALARM_REFERENCE, alarmActions, alarmGroupEvaluation, alarmSeverity, describeAlarm } from "@/lib/signatures/alarm-common";
import { type SignatureEvaluation, defineSignature } from "@/lib/signatures/signature";

const IDS = ALARM_GROUPS.clusterReplication;

export const clusterReplicationError = defineSignature(
  {
    id: "cluster-replication-error",
    version: 1,
    defects: [],
    title: "Cluster replication error",
    severity: "high",
    category: "misconfiguration",
    outcomes: ["issue", "potential", "ok", "missing"],
    reads: ["alarms", "logFiles"],
    area: "Clustering",
    summary: `Finds the cluster replication and configuration alarms: a peer's configuration conflicts with the primary's, the primary is unreachable, the configuration file is missing, the cluster is inconsistent or database synchronisation failed. Alarm ids: ${IDS.join(", ")}.`,
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
    subject: "cluster replication",
    severity: (open) => alarmSeverity(open, "high"),
    issue: (open) => ({
      description: `${open.map(describeAlarm).join("; ")}.`,
      condition: "An open alarm (raised in the logging window and not lowered, or active in the xstat dump) with one of the ids above.",
      furtherInformation: "TN 217230: on the subordinate, xCommand ForceConfigUpdate re-copies the primary's configuration; when peers were upgraded in the wrong order, upgrade the primary again with the same package. Ignore these alarms during an upgrade: they clear within about ten minutes after every peer is upgraded.",
      action: alarmActions(open),
    }),
  });
}
