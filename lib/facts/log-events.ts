// Log lines several signatures look for (TLS alerts, traversal and SSO failures, XCP, edge config),
// found by literal substrings in the one pass over every line, HTTPMSG lines included. Parsers stay
// ignorant of problems: this only records where a known phrase occurs, with the line's fields.
import type { Evidence } from "@/lib/results/types";
import { EvidenceBag } from "@/lib/facts/evidence-bag";
import type { LineContext } from "@/lib/facts/line-context";
import { type NameValues, parseNameValues } from "@/lib/parse/name-value";
import { parseSyslogPrefix, startsWithTimestamp } from "@/lib/parse/syslog-prefix";
import type { Needle } from "@/lib/scan/log-table";

export type LogEventKind =
  | "tls_unknown_ca"
  | "tls_identity_unacceptable"
  | "auth_incorrect_credential"
  | "tls_self_signed_in_chain"
  | "tls_no_certificate_returned"
  | "next_hop_failed"
  | "xcp_unreachable"
  | "edge_config_response"
  | "edge_config_request"
  | "collab_edge"
  | "collab_edge_mismatch"
  | "saml_invalid_response"
  | "saml_no_uid"
  | "saml"
  | "tls_negotiation"
  | "http_401"
  | "http_403"
  | "sip_search_not_found"
  | "alarm"
  | "cluster_db_inconsistent"
  | "cluster_connect_failed"
  | "external_server_failure"
  | "license_limit"
  | "application_start"
  | "application_failed"
  | "restart_requested"
  | "disk_full";

/** countOnly: kinds that only tell whether the logs cover a subject (no lines kept) */
/**
 * unless: words that, after the needle on its line, mean accept would refuse the line anyway; the scan
 * then leaves it unmarked (a phrase every keep-alive writes would otherwise cost a look per line)
 */
type Spec = { kind: LogEventKind; needles: string[]; accept?: (text: string) => boolean; countOnly?: boolean; unless?: string[] };

const COLLAB_MISMATCH = ["not in certificate", "SAN", "subjectAltName", "does not match", "mismatch", "not match"];

/** The literal phrases; a line is recorded for every kind one of whose needles it contains. */
export const LOG_EVENT_SPECS: readonly Spec[] = [
  { kind: "tls_unknown_ca", needles: ["alert unknown ca"] },
  { kind: "tls_identity_unacceptable", needles: ["certificate identity was unacceptable"] },
  { kind: "auth_incorrect_credential", needles: ["Incorrect authentication credential"] },
  { kind: "tls_self_signed_in_chain", needles: ["self signed certificate in certificate chain", "self-signed certificate in certificate chain"] },
  { kind: "tls_no_certificate_returned", needles: ["no certificate returned"] },
  { kind: "next_hop_failed", needles: ["Next Hop Connection Failed"] },
  { kind: "xcp_unreachable", needles: ["Unable to connect to host"], accept: (t) => t.indexOf("7400") !== -1 },
  { kind: "edge_config_response", needles: ["_cisco-uds"] },
  { kind: "edge_config_request", needles: ["get_edge_config"], countOnly: true },
  { kind: "collab_edge", needles: ["_collab-edge"], countOnly: true },
  { kind: "collab_edge_mismatch", needles: ["_collab-edge"], accept: (t) => isCollabEdgeMismatch(t) },
  { kind: "saml_invalid_response", needles: ["Invalid SAML Response", "Invalid SAML response"] },
  { kind: "saml_no_uid", needles: ["No uid Attribute in Assertion", "No uid attribute in assertion"] },
  { kind: "saml", needles: ["SAML", "saml"], countOnly: true },
  { kind: "tls_negotiation", needles: ["TLS Negotiation"], countOnly: true },
  { kind: "http_401", needles: ["401 Unauthorized"] },
  { kind: "http_403", needles: ["403 Forbidden"] },
  // the call engine marks the calls whose dialled alias matched no search rule (lib/facts/sip)
  // (searches for OPTIONS keep-alives and searches that found their target are refused by the scan:
  // `Found="False" Type="OPTIONS"` in VCS X7 logs, `Detail="found:false, searchtype:OPTIONS"` later)
  { kind: "sip_search_not_found", needles: ["Search Completed"], accept: (t) => isSearchNotFound(t), unless: ['Type="OPTIONS"', "searchtype:OPTIONS", "searchtype: OPTIONS", "found:true", 'Found="True"'] },
  // Event Log and system lines (Administrator Guide, Events and Levels; TN 217230)
  { kind: "alarm", needles: ["Alarm Raised", "Alarm Lowered", "Alarm raised", "Alarm lowered"], accept: (t) => t.indexOf("Id=") !== -1 },
  { kind: "cluster_db_inconsistent", needles: ["Inconsistent Database"] },
  { kind: "cluster_connect_failed", needles: ["Failed connecting to node"] },
  { kind: "external_server_failure", needles: ["External Server Communication"] },
  { kind: "license_limit", needles: ["License Limit Reached"] },
  { kind: "application_start", needles: ['Event="Application Start"'] },
  { kind: "application_failed", needles: ['Event="Application Failed"'] },
  { kind: "restart_requested", needles: ['Event="Restart Requested"', 'Event="Reboot Requested"'] },
  { kind: "disk_full", needles: ["No space left on device"] },
];

/** Every substring a line must contain to be recorded by LogEventCollector.onLine. */
export const LOG_EVENT_NEEDLES: readonly Needle[] = LOG_EVENT_SPECS.flatMap((s) => s.needles.map((text) => (s.unless ? { text, unless: s.unless } : text)));

/**
 * A `Search Completed` event line whose search for a call found nothing (`Detail="found:false, ..."`, or
 * `Found="False"`); searches for OPTIONS keep-alives are not calls.
 */
export function isSearchNotFound(text: string): boolean {
  if (text.indexOf("OPTIONS") !== -1 && (/searchtype:\s*OPTIONS/i.test(text) || text.indexOf('Type="OPTIONS"') !== -1)) return false;
  return /found:\s*false/i.test(text) || /Found="\s*False\s*"/i.test(text);
}

/**
 * The timestamp and host of a timestamped line the syslog prefix parser does not take, such as
 * clusterdb lines written without a process token (`<ts> expc01 UTCTime="..." Module=...`, TN 217230).
 */
function stampAndHost(line: string): { timestamp: string; host: string; process: null; messageStart: number } | null {
  if (!startsWithTimestamp(line)) return null;
  const a = line.indexOf(" ");
  const b = a === -1 ? -1 : line.indexOf(" ", a + 1);
  if (b === -1) return null;
  return { timestamp: line.slice(0, a), host: line.slice(a + 1, b), process: null, messageStart: b + 1 };
}

/** Does a line mentioning `_collab-edge` also say its certificate does not match? */
export function isCollabEdgeMismatch(text: string): boolean {
  return COLLAB_MISMATCH.some((w) => text.indexOf(w) !== -1);
}

export type LogEvent = {
  kind: LogEventKind;
  file: string;
  line: number;
  /** of the line, or of the timestamped line an HTTPMSG/SIPMSG line belongs to */
  timestamp: string | null;
  /** the Expressway (syslog host) that logged it */
  peer: string | null;
  process: string | null;
  /** Name="value" pairs of the line (empty for native and message lines) */
  fields: NameValues;
  /** the line, clipped */
  text: string;
};

export type LogEventFacts = {
  /** occurrences per kind (the first MAX_KEPT of each) */
  events: Partial<Record<LogEventKind, LogEvent[]>>;
  /** total occurrences per kind, kept or not */
  counts: Partial<Record<LogEventKind, number>>;
  /** lines per logging process ("tvcs", "traffic_server", "XCP_CM2", ...) */
  processLines: Record<string, number>;
};

const MAX_KEPT = 1000;
const MAX_TEXT = 4000;
const MAX_EVIDENCE_PER_KIND = 60;

export class LogEventCollector {
  private readonly events: Partial<Record<LogEventKind, LogEvent[]>> = {};
  private readonly counts: Partial<Record<LogEventKind, number>> = {};
  private readonly bags = new Map<LogEventKind, EvidenceBag>();
  private readonly processLines: Record<string, number> = Object.create(null);

  constructor(private readonly context: LineContext | null = null) {}

  onProcessLines(process: string, count: number): void {
    this.processLines[process] = (this.processLines[process] ?? 0) + count;
  }

  /**
   * A line of a log file that may contain a needle (lines without any need not be passed, see
   * LOG_EVENT_NEEDLES); `owner` is the timestamped line it belongs to (itself when timestamped).
   */
  onLine(file: string, text: string, lineNo: number, owner: string | null): void {
    const stamped = startsWithTimestamp(text);
    let matched: Spec[] | null = null;
    for (const spec of LOG_EVENT_SPECS) {
      for (const n of spec.needles) {
        if (text.indexOf(n) !== -1) {
          if (!spec.accept || spec.accept(text)) (matched ??= []).push(spec);
          break;
        }
      }
    }
    if (matched === null) return;
    // Past MAX_KEPT a kind is only counted: a frequent phrase must not pay for parsing every line.
    let keeps = false;
    for (const spec of matched) if (!spec.countOnly && (this.counts[spec.kind] ?? 0) < MAX_KEPT) keeps = true;
    if (!keeps) {
      for (const spec of matched) this.counts[spec.kind] = (this.counts[spec.kind] ?? 0) + 1;
      return;
    }
    const prefix = owner !== null ? (parseSyslogPrefix(owner) ?? stampAndHost(owner)) : null;
    const fields = stamped && prefix ? parseNameValues(text, prefix.messageStart) : (Object.create(null) as NameValues);
    const clipped = text.length > MAX_TEXT ? `${text.slice(0, MAX_TEXT)}…` : text;
    for (const spec of matched) {
      const n = (this.counts[spec.kind] ?? 0) + 1;
      this.counts[spec.kind] = n;
      if (n > MAX_KEPT || spec.countOnly) continue;
      const list = (this.events[spec.kind] ??= []);
      list.push({ kind: spec.kind, file, line: lineNo, timestamp: prefix?.timestamp ?? null, peer: prefix?.host ?? null, process: prefix?.process ?? null, fields, text: clipped });
      let bag = this.bags.get(spec.kind);
      if (!bag) this.bags.set(spec.kind, (bag = new EvidenceBag(MAX_EVIDENCE_PER_KIND)));
      bag.add(file, lineNo, clipped, this.context ? () => this.context!.capture(file, lineNo) : undefined);
    }
  }

  finish(): LogEventFacts {
    return { events: this.events, counts: this.counts, processLines: this.processLines };
  }

  /** Evidence lines of the given occurrences, folded, with context where captured. */
  evidenceFor(kind: LogEventKind): Evidence[] {
    return this.bags.get(kind)?.list() ?? [];
  }

  evidence(): Partial<Record<LogEventKind, Evidence[]>> {
    const out: Partial<Record<LogEventKind, Evidence[]>> = {};
    for (const [k, bag] of this.bags) out[k] = bag.list();
    return out;
  }
}
