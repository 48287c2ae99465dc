// The Expressway (or its application) restarted inside the logging window: `Event="Application
// Start"`, with or without a `Restart Requested` / `Reboot Requested` before it. A restart resets
// registrations and calls, and a problem seen before it may not show after it; an unrequested one
// points at a crash or a watchdog.
import type { Facts } from "@/lib/facts/facts";
import { EVENTS_AND_LEVELS } from "@/lib/signatures/external-server-common";
import { DIAGNOSTIC_LOGGING, eventsOf, evidenceOf, groupAffected, plural } from "@/lib/signatures/helpers";
import { type SignatureEvaluation, defineSignature } from "@/lib/signatures/signature";

export const restartDuringWindow = defineSignature(
  {
    id: "restart-during-window",
    version: 1,
    defects: [],
    title: "The Expressway restarted during the logging window",
    severity: "medium",
    category: "informational",
    outcomes: ["potential", "ok", "missing"],
    reads: ["statusDump", "events", "logFiles"],
    area: "Platform",
    summary: "Finds `Event=\"Application Start\"` inside the logging window and whether an administrator requested it (`Restart Requested` / `Reboot Requested`); also reports the uptime the xstat dump gives. An unrequested restart points at a crash.",
    products: ["Expressway-C", "Expressway-E"],
    inputs: ["tvcs Event Log lines", "xstat_dump (SystemUnit Uptime)"],
    needles: ['Event="Application Start"', 'Event="Restart Requested"', 'Event="Reboot Requested"'],
    references: [EVENTS_AND_LEVELS],
  },
  evaluate,
);

function uptimeText(facts: Pick<Facts, "statusDump">): string {
  const u = facts.statusDump?.uptime[0];
  if (!u) return "";
  const h = Math.floor(u.seconds / 3600);
  const d = Math.floor(h / 24);
  return ` The status dump gives an uptime of ${d > 0 ? `${d} d ${h % 24} h` : `${h} h ${Math.floor((u.seconds % 3600) / 60)} min`} when it was taken.`;
}

function evaluate(facts: Pick<Facts, "events" | "logFiles" | "statusDump">): SignatureEvaluation {
  const starts = eventsOf(facts, "application_start");
  const requested = eventsOf(facts, "restart_requested");
  if (starts.length > 0) {
    const unrequested = starts.filter((s) => !requested.some((r) => r.peer === s.peer && (r.timestamp ?? "") <= (s.timestamp ?? "") && Date.parse(s.timestamp ?? "") - Date.parse(r.timestamp ?? "") < 30 * 60_000));
    const affected = groupAffected(
      starts,
      (e) => ({ host: e.peer, ip: null, port: null, service: "application", reason: unrequested.includes(e) ? "started without a restart request in the log" : "restarted on request" }),
      (e) => e.timestamp,
      () => null,
    );
    return {
      outcome: "potential",
      severity: unrequested.length > 0 ? "medium" : "low",
      description: `The Expressway application started ${plural(starts.length, "time")} inside the logging window (${starts.map((s) => `${s.peer ?? "?"} at ${s.timestamp ?? "?"}`).join(", ")})${unrequested.length > 0 ? `, ${unrequested.length === starts.length ? "none" : "not all"} of them after a restart request` : ", each after a restart or reboot request"}.${uptimeText(facts)} Registrations and calls were reset, and what the log shows before the start may not apply after it.`,
      condition: "`Event=\"Application Start\"` in the logging window.",
      furtherInformation: "A requested restart is normal maintenance. A start without a request follows a crash, a power loss or a VM host event: look for Application failed alarms and incident reports just before it.",
      action: unrequested.length > 0
        ? "Check Maintenance > Diagnostics > Incident reporting for a crash at that time and the VM host's events; send the incident report with this bundle to TAC if there is one."
        : "No action needed if the restart was planned; reproduce the problem again after the restart if it was seen before it.",
      affected,
      evidence: evidenceOf(facts, ["restart_requested", "application_start"]),
    };
  }
  if (facts.logFiles.length === 0) {
    return { outcome: "missing", description: "The bundle has no log, so restarts cannot be seen.", condition: "No loggingsnapshot.", furtherInformation: "", action: `On the Expressway, go to ${DIAGNOSTIC_LOGGING} and upload the bundle.` };
  }
  return {
    outcome: "ok",
    description: `No application start in the logging window.${uptimeText(facts)}`,
    condition: "Logs read; no `Event=\"Application Start\"`.",
    furtherInformation: "",
    action: "No action needed.",
  };
}
