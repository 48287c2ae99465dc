// Cluster TLS verification is permissive: the alarms of the administrator guide's list that say so, open or raised and lowered
// within the logging window. Since X14 peers talk over TLS; Permissive accepts any certificate, Enforcing checks it (peers must then be addressed by FQDN matching their certificates).
import type { Facts } from "@/lib/facts/facts";
import { ALARM_GROUPS, ALARM_REFERENCE, alarmActions, alarmGroupEvaluation, alarmSeverity, describeAlarm } from "@/lib/signatures/alarm-common";
import { type SignatureEvaluation, defineSignature } from "@/lib/signatures/signature";

const IDS = ALARM_GROUPS.clusterTlsPermissive;

export const clusterTlsPermissive = defineSignature(
  {
    id: "cluster-tls-permissive",
    version: 1,
    defects: [],
    title: "Cluster TLS verification is permissive",
    severity: "low",
    category: "misconfiguration",
    outcomes: ["issue", "potential", "ok", "missing"],
    reads: ["alarms", "logFiles"],
    area: "Clustering",
    summary: `Finds alarm 40049: the cluster's TLS verification mode accepts invalid peer certificates. Alarm ids: ${IDS.join(", ")}.`,
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
    subject: "cluster TLS verification",
    severity: (open) => alarmSeverity(open, "low"),
    issue: (open) => ({
      description: `${open.map(describeAlarm).join("; ")}.`,
      condition: "An open alarm (raised in the logging window and not lowered, or active in the xstat dump) with one of the ids above.",
      furtherInformation: "Cluster creation and maintenance guide, Enforce TLS Verification: every peer's certificate must carry the FQDN it is addressed by, and each peer must trust the others' CAs, before switching to Enforcing.",
      action: alarmActions(open),
    }),
  });
}
