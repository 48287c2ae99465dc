// Combines xstat, xconf and log-prefix records into what the bundle says about the system:
// product, version, hostname(s), configuration and the logging period.
import { parseBundleName } from "@/lib/bundle/bundle-name";
import type { XconfEntry } from "@/lib/parse/xconf";
import type { XstatEntry } from "@/lib/parse/xstat";
import type { Located, SourceRef } from "@/lib/facts/facts";
import { compareVersions, parseExpresswayVersion } from "@/lib/facts/expressway-version";

const VERSION_NEEDLE = "Version";
/**
 * What a log line must contain to matter to onLogMessage: each way LOG_VERSION_RE lets a version
 * follow the word (the bare word, lower case all around it in log text, made the needle scan slow).
 */
export const SYSTEM_LOG_NEEDLES: readonly string[] = ["Version=X", 'Version="X', "Version:X", "Version: X", 'Version:"X', 'Version: "X'];
const LOG_VERSION_RE = /\b(?:Software)?Version[=:]\s*"?(X\d{1,3}\.\d{1,3}(?:\.\d{1,4})?)/;

export type SystemFacts = {
  host: string | null;
  hosts: string[];
  product: string | null;
  /** xstat `SystemUnit ExpresswaySeries` ("True" on Expressway, "False" on VCS) */
  expresswaySeries: Located<string> | null;
  /** xstat option keys' descriptions (and keys), one per option */
  options: Located<string>[];
  version: Located<string> | null;
  versions: Located<string>[];
  config: Map<string, Located<string>[]>;
  timeRange: { start: string; end: string } | null;
  notes: string[];
};

export class SystemCollector {
  private readonly xstatHosts: string[] = [];
  private readonly xconfHosts: string[] = [];
  private readonly syslogHosts: string[] = [];
  private readonly nameHosts: string[] = [];
  private product: string | null = null;
  private expresswaySeries: Located<string> | null = null;
  private readonly options: Located<string>[] = [];
  private readonly xstatVersions: Located<string>[] = [];
  private readonly logVersions: Located<string>[] = [];
  private readonly config = new Map<string, Located<string>[]>();
  private start: { ts: string; ms: number } | null = null;
  private end: { ts: string; ms: number } | null = null;
  /** first/last timestamp of the log file being read: Date.parse runs twice per file, not per line */
  private fileFirst: string | null = null;
  private fileLast: string | null = null;
  private fileHostSeen = false;

  onFileName(name: string): void {
    // the same reading of names as the upload page's (colons or underscores in the stamp)
    const { host } = parseBundleName(name);
    if (host) addDistinct(this.nameHosts, host);
  }

  /** The upload's own name only counts when no file inside names a host. */
  onUploadName(name: string): void {
    if (this.nameHosts.length === 0) this.onFileName(name);
  }

  onXstat(file: string, entry: XstatEntry, line: number, text: string): void {
    const path = entry.path.replace(/^Status\//, "");
    if (path === "SystemUnit/Product") this.product ??= entry.value;
    else if (path === "SystemUnit/ExpresswaySeries") this.expresswaySeries ??= { value: entry.value, source: { file, line, text } };
    else if (path.startsWith("Options/") && (path.endsWith("/Description") || path.endsWith("/Key"))) {
      if (this.options.length < 64) this.options.push({ value: entry.value, source: { file, line, text } });
    }
    else if (path === "SystemUnit/Software/Version") this.xstatVersions.push({ value: entry.value, source: { file, line, text } });
    else if (path === "Hostname" || path === "SystemUnit/Hostname" || path === "SystemUnit/SystemName") addDistinct(this.xstatHosts, entry.value);
  }

  onXconf(file: string, entry: XconfEntry, line: number, text: string): void {
    const key = entry.key.replace(/^Configuration /, "");
    const located: Located<string> = { value: entry.value, source: { file, line, text } };
    const list = this.config.get(key);
    if (list) list.push(located);
    else this.config.set(key, [located]);
    if (key === "SystemUnit Name" && entry.value) addDistinct(this.xconfHosts, entry.value);
  }

  startLogFile(): void {
    this.fileFirst = null;
    this.fileLast = null;
    this.fileHostSeen = false;
  }

  /**
   * The timestamp of a log line of the current file (its syslog host is needed for the first);
   * the first and the last line of a file must be passed, in order.
   */
  onLogStamp(timestamp: string, host: string | null): void {
    if (this.fileFirst === null) this.fileFirst = timestamp;
    this.fileLast = timestamp;
    if (!this.fileHostSeen && host !== null) {
      this.fileHostSeen = true;
      addDistinct(this.syslogHosts, host);
    }
  }

  /** A timestamped log line whose message contains one of SYSTEM_LOG_NEEDLES (others need not be passed). */
  onLogMessage(file: string, line: number, text: string, messageStart: number): void {
    // Some builds log the software version (e.g. at start-up).
    if (text.indexOf(VERSION_NEEDLE, messageStart) !== -1) {
      const m = LOG_VERSION_RE.exec(text);
      if (m) this.logVersions.push({ value: m[1], source: { file, line, text } });
    }
  }

  endLogFile(): void {
    if (this.fileFirst !== null) this.widen(this.fileFirst);
    if (this.fileLast !== null) this.widen(this.fileLast);
  }

  finish(): SystemFacts {
    const notes: string[] = [];
    const hosts = firstNonEmpty(this.xstatHosts, this.xconfHosts, this.syslogHosts, this.nameHosts);
    const versions = distinctVersions(this.xstatVersions.length > 0 ? this.xstatVersions : this.logVersions);
    let version: Located<string> | null = null;
    for (const v of versions) {
      const pv = parseExpresswayVersion(v.value);
      const best = version ? parseExpresswayVersion(version.value) : null;
      if (pv && (!best || compareVersions(pv, best) > 0)) version = v;
    }
    if (version === null && versions.length > 0) version = versions[0];
    if (versions.length > 1) {
      notes.push(`The peers in this bundle report different software versions (${versions.map((v) => v.value).join(", ")}); the checks use ${version?.value}.`);
    }
    return {
      host: hosts.length > 0 ? hosts.join(", ") : null,
      hosts,
      product: this.product,
      expresswaySeries: this.expresswaySeries,
      options: this.options,
      version,
      versions,
      config: this.config,
      timeRange: this.start && this.end ? { start: this.start.ts, end: this.end.ts } : null,
      notes,
    };
  }

  private widen(ts: string): void {
    const ms = Date.parse(ts);
    if (Number.isNaN(ms)) return;
    if (this.start === null || ms < this.start.ms) this.start = { ts, ms };
    if (this.end === null || ms > this.end.ms) this.end = { ts, ms };
  }
}

function addDistinct(list: string[], value: string): void {
  const v = value.trim();
  if (v && !list.includes(v)) list.push(v);
}

function firstNonEmpty(...lists: string[][]): string[] {
  return lists.find((l) => l.length > 0) ?? [];
}

function distinctVersions(list: Located<string>[]): Located<string>[] {
  const seen = new Map<string, Located<string>>();
  for (const v of list) if (!seen.has(v.value)) seen.set(v.value, v);
  return [...seen.values()];
}

export type { SourceRef };
