// `Event="External Server Communications Failure"` (the Event Log's word for DNS, LDAP, NTP,
// neighbour gatekeeper and peer servers not answering): reading its service and target, and the
// decision the per-service signatures share.
import type { Affected } from "@/lib/results/types";
import type { Facts } from "@/lib/facts/facts";
import type { LogEvent } from "@/lib/facts/log-events";
import { DIAGNOSTIC_LOGGING, eventsOf, evidenceOf, groupAffected, listEntities, period, plural, processLines } from "@/lib/signatures/helpers";
import type { SignatureEvaluation } from "@/lib/signatures/signature";

export const ESCF_NEEDLE = "External Server Communication";

export const EVENTS_AND_LEVELS = {
  title: "Cisco Expressway Administrator Guide (X15.0): Events and Levels (External Server Communication Failure)",
  url: "https://www.cisco.com/c/en/us/td/docs/voice_ip_comm/expressway/admin_guide/X15-0/exwy_b_cisco-expressway-administrator-guide-x15/exwy_m_reference-material.html",
};

/** The failures of one service ("DNS", "LDAP", "NTP", "NeighbourGatekeeper"), case-insensitive. */
export function externalServerFailures(facts: Pick<Facts, "events">, services: string[], keep: (e: LogEvent) => boolean = () => true): LogEvent[] {
  const wanted = services.map((s) => s.toLowerCase());
  return eventsOf(facts, "external_server_failure", (e) => wanted.includes((e.fields.Service ?? "").toLowerCase()) && keep(e));
}

/** `Detail="name:10.15.13.16:1719"` -> { host or ip, port } */
export function externalTarget(e: LogEvent): { host: string | null; ip: string | null; port: number | null } {
  const d = (e.fields.Detail ?? "").replace(/^name:\s*/, "").trim();
  const m = /^(.*?)(?::(\d{1,5}))?$/.exec(d);
  const addr = m?.[1]?.replace(/^\[|\]$/g, "") || null;
  const port = m?.[2] ? Number(m[2]) : null;
  const isIp = addr !== null && (/^\d{1,3}(\.\d{1,3}){3}$/.test(addr) || addr.includes(":"));
  return { host: isIp ? null : addr, ip: isIp ? addr : null, port };
}

export function externalAffected(events: LogEvent[], service: string): Affected[] {
  return groupAffected(
    events,
    (e) => ({ ...externalTarget(e), service, reason: e.fields.Reason || "no response" }),
    (e) => e.timestamp,
    (e) => e.peer,
  );
}

export function externalServerEvaluation(
  facts: Pick<Facts, "events" | "logFiles">,
  o: { events: LogEvent[]; service: string; what: string; consequence: string; action: string; okNote?: string },
): SignatureEvaluation {
  if (o.events.length > 0) {
    const affected = externalAffected(o.events, o.service);
    const keys = new Set(o.events.map((e) => `${e.file}:${e.line}`));
    return {
      outcome: "issue",
      description: `The Expressway could not reach ${o.what} (${plural(o.events.length, "failure")}${period(affected)}): ${listEntities(affected)}. ${o.consequence}`,
      condition: `\`Event="External Server Communications Failure"\` with \`Service="${o.service}"\`.`,
      furtherInformation: "The Event Log writes this when a request to an external server gets no response or is rejected; the Reason and Detail say which and to which address.",
      action: o.action,
      affected,
      evidence: evidenceOf(facts, ["external_server_failure"]).filter((e) => keys.has(`${e.file}:${e.line}`)),
    };
  }
  if (facts.logFiles.length === 0 || processLines(facts, (p) => p === "tvcs") === 0) {
    return {
      outcome: "missing",
      description: `The bundle has no Event Log (tvcs) lines, so failures to reach ${o.what} cannot be seen.`,
      condition: "No loggingsnapshot, or no tvcs lines in it.",
      furtherInformation: "",
      action: `On the Expressway, go to ${DIAGNOSTIC_LOGGING} and upload the bundle.`,
    };
  }
  return {
    outcome: "ok",
    description: `No failure to reach ${o.what} in the Event Log of the logging window.`,
    condition: `tvcs lines read; no External Server Communications Failure for ${o.service}.`,
    furtherInformation: o.okNote ?? "",
    action: "No action needed.",
  };
}
