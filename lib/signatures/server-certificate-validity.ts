// The Expressway's own server certificate (server_*.pem) has expired or expires within 30 days.
// When it expires, every TLS peer that checks it refuses the Expressway: MRA clients, the traversal
// zone partner, Unified CM, cluster peers with TLS verification, browsers on the admin page.
// The alarms 40068 / 40069 say the same on the box; either source makes the card.
import type { Affected } from "@/lib/results/types";
import type { Facts } from "@/lib/facts/facts";
import { ALARM_GROUPS, ALARM_REFERENCE, alarmAffected, alarmEvidence, describeAlarm, openAlarms } from "@/lib/signatures/alarm-common";
import { CERTIFICATE_GUIDE, certificateLabel, day, daysLeft, missingServerCertificate, ownLeaf } from "@/lib/signatures/own-certificate-common";
import { plural } from "@/lib/signatures/helpers";
import { type SignatureEvaluation, defineSignature } from "@/lib/signatures/signature";

const SOON_DAYS = 30;

export const serverCertificateValidity = defineSignature(
  {
    id: "server-certificate-validity",
    version: 1,
    defects: [],
    title: "The Expressway's own server certificate has expired or expires soon",
    severity: "critical",
    category: "misconfiguration",
    outcomes: ["issue", "ok", "missing"],
    reads: ["tls", "alarms"],
    area: "Certificates (own)",
    summary: `Reads the Expressway's server certificate (server_<host>_<stamp>.pem) and the alarms 40068 / 40069 / 40052: expired, or expiring within ${SOON_DAYS} days of the analysis, is an issue naming the date.`,
    products: ["Expressway-C", "Expressway-E"],
    inputs: ["server_<host>_<stamp>.pem", "alarm raise / lower lines in the log", "the alarm list of xstat_dump"],
    needles: ["Alarm Raised", "Alarm Lowered"],
    references: [CERTIFICATE_GUIDE, ALARM_REFERENCE],
  },
  evaluate,
);

const ACTION = [
  "1. Maintenance > Security > Server certificate: Generate CSR (keep the current Subject Alternative Names: the Expressway-E's MRA domains or collab-edge names, the cluster name and peers' FQDNs), have it signed by the same CA, and upload the new certificate with its private key.",
  "2. Restart the Expressway (alarm 15028 says so) so it presents the new certificate; on a cluster, every peer has its own certificate: renew each.",
  "3. The traversal zone partner and Unified CM trust the issuing CA, not the certificate itself: a certificate from a different CA must be added to their trust stores first.",
].join("\n");

function evaluate(facts: Pick<Facts, "tls" | "alarms">): SignatureEvaluation {
  const leaf = ownLeaf(facts);
  const alarms = openAlarms(facts, ALARM_GROUPS.serverCertificate);
  const left = leaf ? daysLeft(leaf) : null;
  const bad = leaf !== null && left !== null && (leaf.expired || left < SOON_DAYS);
  if (bad || alarms.length > 0) {
    const rows: Affected[] = [];
    let description = "";
    let severity: "critical" | "high" = "critical";
    if (leaf && bad) {
      const expired = leaf.expired || left! < 0;
      severity = expired ? "critical" : "high";
      description = expired
        ? `The Expressway's server certificate ${certificateLabel(leaf)} expired on ${day(leaf.notAfter)} (${plural(-left!, "day")} before this analysis). TLS peers that check it refuse the Expressway: MRA clients, the traversal zone partner, Unified CM, cluster peers with TLS verification.`
        : `The Expressway's server certificate ${certificateLabel(leaf)} expires on ${day(leaf.notAfter)}, in ${plural(left!, "day")}. From then on, TLS peers that check it refuse the Expressway: MRA clients, the traversal zone partner, Unified CM, cluster peers with TLS verification.`;
      rows.push({ host: leaf.subjectCN, ip: null, port: null, service: "server certificate", reason: expired ? `expired on ${day(leaf.notAfter)}` : `expires on ${day(leaf.notAfter)} (in ${plural(left!, "day")})`, count: 1, firstSeen: null, lastSeen: null });
    }
    if (alarms.length > 0) {
      description += `${description ? " " : ""}The Expressway itself raised: ${alarms.map(describeAlarm).join("; ")}.`;
      rows.push(...alarms.map(alarmAffected));
      if (!bad && alarms.every((a) => a.id === "40069")) severity = "high";
    }
    return {
      outcome: "issue",
      severity,
      description,
      condition: `The certificate's notAfter is before the analysis time or within ${SOON_DAYS} days of it, or an open alarm 40068 / 40069 / 40052.`,
      furtherInformation: leaf ? `Judged at ${leaf.judgedAt} (the time of the analysis), valid from ${day(leaf.notBefore)} to ${day(leaf.notAfter)}.` : "The bundle has no server_*.pem; the alarm is the Expressway's own judgement.",
      action: ACTION,
      affected: rows,
      evidence: alarmEvidence(alarms),
    };
  }
  if (!leaf) return missingServerCertificate("its validity");
  return {
    outcome: "ok",
    description: `The Expressway's server certificate ${certificateLabel(leaf)} is valid until ${day(leaf.notAfter)} (${plural(left!, "day")} after this analysis).`,
    condition: `notAfter more than ${SOON_DAYS} days after the analysis time.`,
    furtherInformation: "",
    action: "No action needed.",
  };
}
