// A file system of the Expressway is full: processes log `No space left on device` (errno ENOSPC)
// when writing logs, captures, the database or uploads. Logging, configuration changes and
// upgrades then fail in odd ways.
import type { Facts } from "@/lib/facts/facts";
import { DIAGNOSTIC_LOGGING, eventsOf, evidenceOf, groupAffected, period, plural } from "@/lib/signatures/helpers";
import { type SignatureEvaluation, defineSignature } from "@/lib/signatures/signature";

export const diskFull = defineSignature(
  {
    id: "disk-full",
    version: 1,
    defects: [],
    title: "Disk full: No space left on device",
    severity: "critical",
    category: "defect",
    outcomes: ["issue", "ok", "missing"],
    reads: ["events", "logFiles"],
    area: "Platform",
    summary: "Finds `No space left on device` in the logs: a file system of the Expressway is full, so logging, the configuration database, packet captures and upgrades fail.",
    products: ["Expressway-C", "Expressway-E"],
    inputs: ["log lines of any process"],
    needles: ["No space left on device"],
  },
  evaluate,
);

function evaluate(facts: Pick<Facts, "events" | "logFiles">): SignatureEvaluation {
  const hits = eventsOf(facts, "disk_full");
  if (hits.length > 0) {
    const affected = groupAffected(hits, (e) => ({ host: e.peer, ip: null, port: null, service: e.process ?? "file system", reason: "No space left on device" }), (e) => e.timestamp, () => null);
    return {
      outcome: "issue",
      description: `Processes could not write: \`No space left on device\` ${plural(hits.length, "time")}${period(affected)} (${[...new Set(hits.map((h) => h.process ?? "unknown process"))].join(", ")}). Logs, captures and database writes are lost while the disk is full, and an upgrade will fail.`,
      condition: "A log line containing `No space left on device`.",
      furtherInformation: "Long diagnostic logging with packet captures, large incident reports and old upgrade images are the usual consumers.",
      action: [
        "1. Stop diagnostic logging and any packet capture (Maintenance > Diagnostics), and delete old diagnostic logs and incident reports.",
        "2. Check the disk use as root (`df -h`) and remove what TAC identifies as safe to remove; a VM with a disk smaller than the OVA's needs to be rebuilt with the right size.",
        "3. Restart the system once space is free, so every process reopens its files.",
      ].join("\n"),
      affected,
      evidence: evidenceOf(facts, ["disk_full"]),
    };
  }
  if (facts.logFiles.length === 0) {
    return { outcome: "missing", description: "The bundle has no log, so disk-full errors cannot be seen.", condition: "No loggingsnapshot.", furtherInformation: "", action: `On the Expressway, go to ${DIAGNOSTIC_LOGGING} and upload the bundle.` };
  }
  return { outcome: "ok", description: "No process reported a full disk in the logging window.", condition: "Logs read; no `No space left on device`.", furtherInformation: "Disk usage itself is not in the bundle: `df -h` as root shows it.", action: "No action needed." };
}
