// The hot path of an analysis: every line of a loggingsnapshot passes through here as a position in
// its chunk. One combined scan per chunk (LINE_NEEDLES) marks the lines that may matter to the
// event, warning and version collectors; traffic_server entries go through the LogReader in full;
// every other line only moves counters and the context ring, and never becomes a string.
import type { RawLineSink, TextChunk } from "@/lib/bundle/line-splitter";
import { LogReader } from "@/lib/parse/log-reader";
import { PrefixSpan, parseSyslogPrefix, scanSyslogPrefix, timestampAt } from "@/lib/parse/syslog-prefix";
import type { LineContext } from "@/lib/facts/line-context";
import { LOG_EVENT_NEEDLES, type LogEventCollector } from "@/lib/facts/log-events";
import { SYSTEM_LOG_NEEDLES, type SystemCollector } from "@/lib/facts/system-facts";
import { TrafficServerCollector } from "@/lib/facts/traffic-server-facts";
import { WARNING_NEEDLES, type WarningCollector } from "@/lib/facts/warning-templates";

/** Every substring that makes a line worth a collector's look; other lines are not passed on. */
export const LINE_NEEDLES: readonly string[] = [...new Set([...LOG_EVENT_NEEDLES, ...WARNING_NEEDLES, ...SYSTEM_LOG_NEEDLES])];

const NEEDLE_RE = new RegExp(LINE_NEEDLES.map((n) => n.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")).join("|"), "g");

export type LogCollectors = {
  system: SystemCollector;
  events: LogEventCollector;
  warnings: WarningCollector;
  trafficServer: TrafficServerCollector;
  lineContext: LineContext;
};

/** Process names are matched against the known ones in place; past this many, through a map. */
const SCANNED_NAMES = 16;

/** One log file's lines. */
export class LogFileLines implements RawLineSink {
  private readonly span = new PrefixSpan();
  private readonly reader: LogReader;
  /** the current chunk's needle matches (a position in each line that has one), in order */
  private readonly marks: number[] = [];
  private markCount = 0;
  private markNext = 0;
  /** inside a traffic_server entry: its lines go to the reader */
  private inTrafficServer = false;
  /** the latest timestamped line, which message lines belong to; made a string only when asked */
  private ownerChunk: TextChunk | null = null;
  private ownerStart = 0;
  private ownerEnd = 0;
  private ownerText: string | null = null;
  /** the timestamp of the latest line with a syslog prefix: the file's last, in the end */
  private lastChunk: TextChunk | null = null;
  private lastStart = 0;
  private lastEnd = 0;
  private firstSeen = false;
  /** lines per process, by process name as written (bytes) */
  private readonly rawNames: string[] = [];
  private readonly names: string[] = [];
  private readonly counts: number[] = [];
  private readonly isTrafficServer: boolean[] = [];
  private readonly nameIndex = new Map<string, number>();

  constructor(
    private readonly file: string,
    private readonly collectors: LogCollectors,
  ) {
    // The collector reads the request or status line of a message block, nothing after it.
    this.reader = new LogReader((entry) => collectors.trafficServer.onEntry(file, entry), { maxBlockLines: 1 });
  }

  chunk(chunk: TextChunk): void {
    const text = chunk.text;
    const marks = this.marks;
    let n = 0;
    NEEDLE_RE.lastIndex = 0;
    while (NEEDLE_RE.test(text)) {
      const at = NEEDLE_RE.lastIndex - 1;
      marks[n++] = at;
      // one mark per line is enough: go on from the next line
      const nl = text.indexOf("\n", at);
      if (nl === -1) break;
      NEEDLE_RE.lastIndex = nl + 1;
    }
    this.markCount = n;
    this.markNext = 0;
  }

  line(chunk: TextChunk, start: number, end: number, lineNo: number): void {
    const { lineContext, events } = this.collectors;
    lineContext.pushSpan(chunk, start, end, lineNo);
    let marked = false;
    if (this.markNext < this.markCount) {
      const marks = this.marks;
      let i = this.markNext;
      while (i < this.markCount && marks[i] < start) i++;
      marked = i < this.markCount && marks[i] < end;
      this.markNext = marked ? i + 1 : i;
    }
    const text = chunk.text;

    if (!timestampAt(text, start, end)) {
      if (this.inTrafficServer) this.reader.pushSpan(chunk, start, end, lineNo);
      if (marked) events.onLine(this.file, chunk.line(start, end), lineNo, this.owner());
      return;
    }

    // A timestamped line ends the entry before it.
    this.ownerChunk = chunk;
    this.ownerStart = start;
    this.ownerEnd = end;
    this.ownerText = null;
    if (this.inTrafficServer) {
      this.reader.end();
      this.inTrafficServer = false;
    }
    const span = this.span;
    let line: string | null = null;
    if (scanSyslogPrefix(text, start, end, span)) {
      const k = this.processIndex(chunk, span);
      this.counts[k]++;
      this.lastChunk = chunk;
      this.lastStart = start;
      this.lastEnd = span.timestampEnd;
      if (!this.firstSeen) {
        this.firstSeen = true;
        this.collectors.system.onLogStamp(chunk.line(start, span.timestampEnd), chunk.line(span.hostStart, span.hostEnd));
      }
      if (this.isTrafficServer[k]) {
        this.reader.push((line = chunk.line(start, end)), lineNo);
        this.inTrafficServer = true;
      }
      if (marked) {
        line ??= chunk.line(start, end);
        // offsets in the decoded line differ from byte offsets after a multi-byte character
        const messageStart = chunk.ascii ? span.messageStart - start : (parseSyslogPrefix(line)?.messageStart ?? 0);
        this.collectors.system.onLogMessage(this.file, lineNo, line, messageStart);
      }
    }
    if (marked) {
      line ??= chunk.line(start, end);
      this.ownerText = line;
      events.onLine(this.file, line, lineNo, line);
      this.collectors.warnings.onLine(this.file, line, lineNo);
    }
  }

  /** The file has ended. */
  end(): void {
    this.reader.end();
    this.inTrafficServer = false;
    for (let k = 0; k < this.names.length; k++) this.collectors.events.onProcessLines(this.names[k], this.counts[k]);
    if (this.lastChunk !== null) this.collectors.system.onLogStamp(this.lastChunk.line(this.lastStart, this.lastEnd), null);
  }

  private owner(): string | null {
    if (this.ownerText === null && this.ownerChunk !== null) this.ownerText = this.ownerChunk.line(this.ownerStart, this.ownerEnd);
    return this.ownerText;
  }

  private processIndex(chunk: TextChunk, span: PrefixSpan): number {
    const { processStart, processEnd } = span;
    const len = processEnd - processStart;
    const raw = this.rawNames;
    const text = chunk.text;
    const scanned = Math.min(raw.length, SCANNED_NAMES);
    for (let k = 0; k < scanned; k++) {
      if (raw[k].length === len && text.startsWith(raw[k], processStart)) return k;
    }
    const rawName = chunk.raw(processStart, processEnd);
    const known = this.nameIndex.get(rawName);
    if (known !== undefined) return known;
    const name = chunk.line(processStart, processEnd);
    this.nameIndex.set(rawName, raw.length);
    raw.push(rawName);
    this.names.push(name);
    this.counts.push(0);
    this.isTrafficServer.push(TrafficServerCollector.isTrafficServer(name));
    return raw.length - 1;
  }
}
