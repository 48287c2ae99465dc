// MRA: Expressway-E reverse DNS or PTR name mismatch: the alarms of the administrator guide's list that say so, open or raised and lowered
// within the logging window. The Expressway-C looks up the PTR record of the Expressway-E's address and expects its FQDN in the Expressway-E certificate.
import type { Facts } from "@/lib/facts/facts";
import { ALARM_GROUPS, ALARM_REFERENCE, alarmActions, alarmGroupEvaluation, alarmSeverity, describeAlarm } from "@/lib/signatures/alarm-common";
import { type SignatureEvaluation, defineSignature } from "@/lib/signatures/signature";

const IDS = ALARM_GROUPS.reverseDns;

export const expresswayEReverseDns = defineSignature(
  {
    id: "expressway-e-reverse-dns",
    version: 1,
    defects: [],
    title: "MRA: Expressway-E reverse DNS or PTR name mismatch",
    severity: "high",
    category: "misconfiguration",
    outcomes: ["issue", "potential", "ok", "missing"],
    reads: ["alarms", "logFiles"],
    area: "MRA / DNS",
    summary: `Finds alarms 25030 and 25031: the Expressway-C could not resolve the Expressway-E's address in reverse DNS, or the PTR name is not a SAN of the Expressway-E's certificate, which can make MRA login fail. Alarm ids: ${IDS.join(", ")}.`,
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
    subject: "reverse DNS of the Expressway-E",
    severity: (open) => alarmSeverity(open, "high"),
    issue: (open) => ({
      description: `${open.map(describeAlarm).join("; ")}.`,
      condition: "An open alarm (raised in the logging window and not lowered, or active in the xstat dump) with one of the ids above.",
      furtherInformation: "One PTR record per Expressway-E address, whose FQDN is a SAN of that Expressway-E's server certificate.",
      action: alarmActions(open),
    }),
  });
}
