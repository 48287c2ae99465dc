// Default or weak root / admin password, default SSH key: the alarms of the administrator guide's list that say so, open or raised and lowered
// within the logging window. An Expressway-E faces the Internet: a default password or key there is an open door.
import type { Facts } from "@/lib/facts/facts";
import { ALARM_GROUPS, ALARM_REFERENCE, alarmActions, alarmGroupEvaluation, alarmSeverity, describeAlarm } from "@/lib/signatures/alarm-common";
import { type SignatureEvaluation, defineSignature } from "@/lib/signatures/signature";

const IDS = ALARM_GROUPS.defaultPasswords;

export const defaultPasswords = defineSignature(
  {
    id: "default-passwords",
    version: 1,
    defects: [],
    title: "Default or weak root / admin password, default SSH key",
    severity: "high",
    category: "misconfiguration",
    outcomes: ["issue", "potential", "ok", "missing"],
    reads: ["alarms", "logFiles"],
    area: "Security",
    summary: `Finds the security alarms for the default root or admin password, an MD5-hashed root password and the default SSH host key. Alarm ids: ${IDS.join(", ")}.`,
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
    subject: "default passwords and keys",
    severity: (open) => alarmSeverity(open, "high"),
    issue: (open) => ({
      description: `${open.map(describeAlarm).join("; ")}.`,
      condition: "An open alarm (raised in the logging window and not lowered, or active in the xstat dump) with one of the ids above.",
      furtherInformation: "Change the passwords over SSH (root: passwd) or the web page (admin), and regenerate the SSH key, on every peer.",
      action: alarmActions(open),
    }),
  });
}
