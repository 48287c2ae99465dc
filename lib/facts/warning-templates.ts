// WARNING / ERROR lines grouped into templates: variable parts (times, addresses, numbers, hex,
// host names, quoted values) masked, so thousands of lines become a short list with counts.
// Which templates a signature explains is decided later, from the signatures' needles.
import { parseSyslogPrefix } from "@/lib/parse/syslog-prefix";

export type WarningGroup = {
  template: string;
  level: string;
  process: string | null;
  count: number;
  sample: { file: string; line: number; text: string };
  firstSeen: string | null;
  lastSeen: string | null;
};

export type WarningFacts = { totalLines: number; groups: WarningGroup[]; truncated: boolean; droppedLines: number };

const MAX_GROUPS = 400;
const MAX_SAMPLE = 2000;
/** Name="value" pairs whose value is part of what happened, not who or when */
const KEEP_VALUES = new Set(["Event", "Module", "Level", "Detail", "Reason", "Protocol", "Service", "Action", "Type", "Auth-method", "Status"]);

/** A warning line contains one of these; the regexes below then decide. */
export const WARNING_NEEDLES: readonly string[] = ["ERROR", "WARN", "FATAL", "CRITICAL"];

const LEVEL_RE = /Level="(ERROR|WARN|WARNING|CRITICAL|FATAL)"/;
const NATIVE_RE = /(?:^|[\]\s])(WARNING|ERROR|FATAL|CRITICAL|ALERT|EMERGENCY):/;

export class WarningCollector {
  private readonly groups = new Map<string, WarningGroup>();
  private totalLines = 0;
  private truncated = false;
  private droppedLines = 0;

  /** Timestamped lines only (those without a WARNING_NEEDLES substring need not be passed). */
  onLine(file: string, text: string, lineNo: number): void {
    if (!WARNING_NEEDLES.some((n) => text.indexOf(n) !== -1)) return;
    const prefix = parseSyslogPrefix(text);
    if (prefix === null) return;
    const body = text.slice(prefix.messageStart);
    const level = LEVEL_RE.exec(body)?.[1] ?? NATIVE_RE.exec(body.slice(0, 200))?.[1] ?? null;
    if (level === null) return;
    this.totalLines++;
    const template = `${prefix.process}: ${maskLine(body)}`;
    let g = this.groups.get(template);
    if (!g) {
      if (this.groups.size >= MAX_GROUPS) {
        this.truncated = true;
        this.droppedLines++;
        return;
      }
      g = {
        template,
        level: level === "WARN" ? "WARNING" : level,
        process: prefix.process,
        count: 0,
        sample: { file, line: lineNo, text: text.length > MAX_SAMPLE ? `${text.slice(0, MAX_SAMPLE)}…` : text },
        firstSeen: prefix.timestamp,
        lastSeen: prefix.timestamp,
      };
      this.groups.set(template, g);
    }
    g.count++;
    g.lastSeen = prefix.timestamp;
  }

  finish(): WarningFacts {
    return { totalLines: this.totalLines, groups: [...this.groups.values()], truncated: this.truncated, droppedLines: this.droppedLines };
  }
}

const PAIR_RE = /([A-Za-z0-9_.-]+)="([^"]*)"/g;
const IPV4_RE = /\b\d{1,3}(?:\.\d{1,3}){3}\b/g;
const IPV6_RE = /\b(?:[0-9a-f]{1,4}:){2,7}[0-9a-f]{1,4}\b/gi;
const EMAIL_RE = /\b[\w.+-]+@[\w-]+(?:\.[\w-]+)+\b/g;
const FQDN_RE = /\b[a-z0-9_-]+(?:\.[a-z0-9_-]+)*\.[a-z]{2,}\b/gi;
const HEX_RE = /\b(?:0x[0-9a-f]+|[0-9a-f]*\d[0-9a-f]*[a-f][0-9a-f]*|[0-9a-f]*[a-f][0-9a-f]*\d[0-9a-f]*)\b/gi;
const QUOTED_RE = /'[^']*'/g;
const NUM_RE = /\d+/g;

/** The line's message with everything that varies between occurrences masked. */
export function maskLine(message: string): string {
  let t = message.length > 1000 ? message.slice(0, 1000) : message;
  // Module names look like host names (network.http.trafficserver): set them aside first.
  const modules: string[] = [];
  t = t.replace(PAIR_RE, (m, k: string) => {
    if (k === "Module") {
      modules.push(m);
      return `\u0001${String.fromCharCode(96 + Math.min(modules.length, 26))}\u0001`;
    }
    return KEEP_VALUES.has(k) ? m : `${k}="*"`;
  });
  t = t.replace(EMAIL_RE, "<user>");
  t = t.replace(IPV4_RE, "<ip>");
  t = t.replace(IPV6_RE, "<ip>");
  t = t.replace(QUOTED_RE, "'<name>'");
  t = t.replace(FQDN_RE, (m) => (/^(?:[A-Z][a-z]+\.)+[A-Z]/.test(m) ? m : "<host>"));
  t = t.replace(HEX_RE, (m) => (m.length >= 6 ? "<hex>" : m));
  t = t.replace(NUM_RE, "<n>");
  if (modules.length > 0) t = t.replace(/\u0001([a-z])\u0001/g, (_m, c: string) => modules[c.charCodeAt(0) - 97] ?? "");
  return t.replace(/\s+/g, " ").trim();
}
