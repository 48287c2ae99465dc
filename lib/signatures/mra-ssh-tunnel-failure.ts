// MRA: SSH tunnel between Expressway-C and -E failed: the alarms of the administrator guide's list that say so, open or raised and lowered
// within the logging window. MRA's HTTPS proxying (UDS, TFTP, voicemail, edge config) runs through SSH tunnels from the Expressway-C's ephemeral ports to TCP 2222 on the Expressway-E.
import type { Facts } from "@/lib/facts/facts";
import { ALARM_GROUPS, ALARM_REFERENCE, alarmActions, alarmGroupEvaluation, alarmSeverity, describeAlarm } from "@/lib/signatures/alarm-common";
import { type SignatureEvaluation, defineSignature } from "@/lib/signatures/signature";

const IDS = ALARM_GROUPS.sshTunnel;

export const mraSshTunnelFailure = defineSignature(
  {
    id: "mra-ssh-tunnel-failure",
    version: 1,
    defects: [],
    title: "MRA: SSH tunnel between Expressway-C and -E failed",
    severity: "high",
    category: "misconfiguration",
    outcomes: ["issue", "potential", "ok", "missing"],
    reads: ["alarms", "logFiles"],
    area: "MRA / traversal",
    summary: `Finds alarms 35013 and 35014: the Expressway-C cannot reach the Expressway-E over the SSH tunnels MRA uses for HTTP proxying (TCP 2222). Alarm ids: ${IDS.join(", ")}.`,
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
    subject: "the MRA SSH tunnel",
    severity: (open) => alarmSeverity(open, "high"),
    issue: (open) => ({
      description: `${open.map(describeAlarm).join("; ")}.`,
      condition: "An open alarm (raised in the logging window and not lowered, or active in the xstat dump) with one of the ids above.",
      furtherInformation: "The traversal zone can be Active while the tunnel fails: check the firewall between C and E for TCP 2222, and the Expressway-E's address the Expressway-C uses (it must match the Expressway-E's certificate).",
      action: alarmActions(open),
    }),
  });
}
