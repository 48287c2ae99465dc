// LDAP servers the Expressway uses (remote admin login, H.350 device authentication) do not answer,
// or their configuration is incomplete: the LDAP External Server Communications Failures and the
// LDAP alarms.
import type { Facts } from "@/lib/facts/facts";
import { ALARM_GROUPS, ALARM_REFERENCE, alarmActions, alarmAffected, alarmEvidence, describeAlarm, openAlarms } from "@/lib/signatures/alarm-common";
import { ESCF_NEEDLE, EVENTS_AND_LEVELS, externalAffected, externalServerEvaluation, externalServerFailures } from "@/lib/signatures/external-server-common";
import { evidenceOf } from "@/lib/signatures/helpers";
import { type SignatureEvaluation, defineSignature } from "@/lib/signatures/signature";

const IDS = ALARM_GROUPS.ldap;

export const ldapServerUnreachable = defineSignature(
  {
    id: "ldap-server-unreachable",
    version: 1,
    defects: [],
    title: "LDAP server unreachable or not configured",
    severity: "medium",
    category: "misconfiguration",
    outcomes: ["issue", "ok", "missing"],
    reads: ["events", "logFiles", "alarms"],
    area: "Platform / LDAP",
    summary: `Finds \`External Server Communications Failure\` events for LDAP and the LDAP alarms (${IDS.join(", ")}): remote administrator login or H.350 device authentication cannot reach its directory.`,
    products: ["Expressway-C", "Expressway-E"],
    inputs: ["tvcs Event Log lines", "alarm raise / lower lines in the log", "the alarm list of xstat_dump"],
    needles: [ESCF_NEEDLE, "Alarm Raised", "Alarm Lowered"],
    references: [EVENTS_AND_LEVELS, ALARM_REFERENCE],
  },
  evaluate,
);

const ACTION = [
  "1. Users > LDAP configuration (remote admin login) or Configuration > Authentication > Devices > H.350 directory service: check server address, port, Bind_DN and Base_DN, and the encryption setting.",
  "2. With TLS, upload the LDAP server's CA to the trusted CA list (alarm 40029 otherwise).",
  "3. Allow TCP 389 / 636 (or 3268 / 3269 for a global catalog) from the Expressway to the LDAP servers.",
].join("\n");

function evaluate(facts: Pick<Facts, "events" | "logFiles" | "alarms">): SignatureEvaluation {
  const failures = externalServerFailures(facts, ["LDAP"]);
  const open = openAlarms(facts, IDS);
  if (open.length > 0) {
    const keys = new Set(failures.map((e) => `${e.file}:${e.line}`));
    return {
      outcome: "issue",
      description: `LDAP alarms are open: ${open.map(describeAlarm).join("; ")}.${failures.length > 0 ? ` The Event Log also shows ${failures.length} failed LDAP requests.` : ""} Administrators who log in with directory accounts, or devices authenticated against H.350, are refused.`,
      condition: "An open LDAP alarm, with or without LDAP External Server Communications Failures.",
      furtherInformation: "",
      action: `${ACTION}\n${alarmActions(open)}`,
      affected: [...open.map(alarmAffected), ...externalAffected(failures, "LDAP")],
      evidence: alarmEvidence(open, evidenceOf(facts, ["external_server_failure"]).filter((e) => keys.has(`${e.file}:${e.line}`))),
    };
  }
  return externalServerEvaluation(facts, {
    events: failures,
    service: "LDAP",
    what: "its LDAP servers",
    consequence: "Administrators who log in with directory accounts, or devices authenticated against H.350, are refused while it lasts.",
    action: ACTION,
  });
}
