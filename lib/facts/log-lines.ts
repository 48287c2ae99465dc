// The collectors' half of reading a loggingsnapshot: walks the tables lib/scan/log-table.ts made of
// its runs of lines. Lines marked by the needle scan go to the event, warning and version
// collectors; the entries of subscribed line families (a process or a module, e.g. traffic_server
// or network.sip) go through a LogReader to their subscriber; every other line only moves counters
// and the context ring, and never becomes a string.
import { TextChunk } from "@/lib/bundle/line-splitter";
import type { LongLineHandler } from "@/lib/bundle/line-splitter";
import { LogReader } from "@/lib/parse/log-reader";
import { PrefixSpan, parseSyslogPrefix, syslogPrefixAt, type SyslogPrefix } from "@/lib/parse/syslog-prefix";
import type { LineFamilies } from "@/lib/facts/facts";
import type { LineContext } from "@/lib/facts/line-context";
import { ReadingCounter, type ReadingCounts } from "@/lib/facts/reading-counter";
import { LOG_EVENT_NEEDLES, type LogEventCollector } from "@/lib/facts/log-events";
import { SYSTEM_LOG_NEEDLES, type SystemCollector } from "@/lib/facts/system-facts";
import { WARNING_NEEDLES, type WarningCollector } from "@/lib/facts/warning-templates";
import * as table from "@/lib/scan/log-table";
import type { Needle, RunTable } from "@/lib/scan/log-table";
import { type EntrySubscriber, MAX_SUBSCRIBERS } from "@/lib/scan/subscriber";

// Read once: the row loop runs for every line, and module bindings may compile to getters.
const { KEEPALIVE, LONG, MARKED, PACKED, PREFIXED, PROCESS_SHIFT, ROW, STAMPED } = table;
const unpackPrefix = table.unpackPrefix;

/** Every substring that makes a line worth the needle collectors' look; other lines are not passed on. */
export const LINE_NEEDLES: readonly Needle[] = [...new Set([...LOG_EVENT_NEEDLES, ...WARNING_NEEDLES, ...SYSTEM_LOG_NEEDLES])];

export type LogCollectors = {
  system: SystemCollector;
  events: LogEventCollector;
  warnings: WarningCollector;
  lineContext: LineContext;
};

export class LogFileLines {
  /** one reader per subscriber: a subscriber's entries are grouped with their message blocks */
  private readonly readers: LogReader[];
  /** the subscribers (as bits) whose entry is open: the message lines that follow go to them */
  private active = 0;
  /** the latest timestamped line, which message lines belong to; made a string only when asked */
  private ownerChunk: TextChunk | null = null;
  private ownerStart = 0;
  private ownerEnd = 0;
  private ownerText: string | null = null;
  /** the latest line with a syslog prefix: its timestamp is the file's last, in the end */
  private lastChunk: TextChunk | null = null;
  private lastStart = 0;
  private lastEnd = 0;
  private firstSeen = false;
  /** lines per process and per module, by the table's indexes */
  private readonly names: string[] = [];
  private readonly counts: number[] = [];
  private readonly moduleNames: string[] = [];
  private readonly moduleCounts: number[] = [];
  /** which subscribers (bits) want each process's and each module's entries */
  private readonly processWanted: number[] = [];
  private readonly moduleWanted: number[] = [];
  /** the subscribers (as bits) that take keep-alives through onKeepAlive */
  private readonly keepAliveTakers: number;
  /** what was understood of the file, for the reading report */
  private readonly reading = new ReadingCounter();
  private readonly span = new PrefixSpan();

  constructor(
    readonly file: string,
    private readonly collectors: LogCollectors,
    private readonly subscribers: readonly EntrySubscriber[],
    private readonly onLongLine: LongLineHandler,
  ) {
    if (subscribers.length > MAX_SUBSCRIBERS) throw new Error(`at most ${MAX_SUBSCRIBERS} entry subscribers`);
    this.readers = subscribers.map((sub) => new LogReader((entry) => sub.onEntry(file, entry), sub.reader));
    let takers = 0;
    for (let b = 0; b < subscribers.length; b++) if (subscribers[b].onKeepAlive) takers |= 1 << b;
    this.keepAliveTakers = takers;
  }

  run(table: RunTable): void {
    const subscribers = this.subscribers;
    for (const n of table.names) {
      this.names[n.index] = n.name;
      this.counts[n.index] = 0;
      let bits = 0;
      for (let b = 0; b < subscribers.length; b++) if (subscribers[b].wantsProcess?.(n.name)) bits |= 1 << b;
      this.processWanted[n.index] = bits;
    }
    for (const m of table.modules) {
      this.moduleNames[m.index] = m.name;
      this.moduleCounts[m.index] = 0;
      let bits = 0;
      for (let b = 0; b < subscribers.length; b++) if (subscribers[b].wantsModule?.(m.name)) bits |= 1 << b;
      this.moduleWanted[m.index] = bits;
    }
    const { lineContext, events, warnings, system } = this.collectors;
    const readers = this.readers;
    const file = this.file;
    const chunk = new TextChunk(table.buf, table.ascii);
    const rows = table.rows;
    const total = table.count * ROW;
    for (let r = 0; r < total; r += ROW) {
      const start = rows[r];
      const end = rows[r + 1];
      const lineNo = rows[r + 2];
      const info = rows[r + 3];
      if ((info & LONG) !== 0) {
        this.reading.long();
        this.onLongLine(lineNo, start);
        continue;
      }
      lineContext.pushSpan(chunk, start, end, lineNo);
      const marked = (info & MARKED) !== 0;

      if ((info & STAMPED) === 0) {
        this.reading.unstamped(chunk, start, end, lineNo);
        const active = this.active;
        if (active !== 0) for (let b = 0; active >>> b !== 0; b++) if ((active & (1 << b)) !== 0) readers[b].pushMessageLine(chunk, start, end, lineNo);
        if (marked) events.onLine(file, chunk.line(start, end), lineNo, this.owner());
        continue;
      }

      // A timestamped line ends the entry before it.
      this.ownerChunk = chunk;
      this.ownerStart = start;
      this.ownerEnd = end;
      this.ownerText = null;
      if (this.active !== 0) this.endEntries();
      this.reading.stamped(chunk, start, end, lineNo, (info & PREFIXED) !== 0);
      let line: string | null = null;
      if ((info & PREFIXED) !== 0) {
        const k = info >>> PROCESS_SHIFT;
        const m = rows[r + 4];
        this.counts[k]++;
        if (m >= 0) this.moduleCounts[m]++;
        this.lastChunk = chunk;
        this.lastStart = start;
        this.lastEnd = end;
        if (!this.firstSeen) {
          this.firstSeen = true;
          line = chunk.line(start, end);
          const prefix = parseSyslogPrefix(line);
          if (prefix !== null) system.onLogStamp(prefix.timestamp, prefix.host);
        }
        let wanted = this.processWanted[k] | (m >= 0 ? this.moduleWanted[m] : 0);
        if ((info & KEEPALIVE) !== 0 && (wanted & this.keepAliveTakers) !== 0) {
          // counted by who takes keep-alives; their message lines go to nobody
          const takers = wanted & this.keepAliveTakers;
          for (let b = 0; takers >>> b !== 0; b++) if ((takers & (1 << b)) !== 0) subscribers[b].onKeepAlive!(file);
          wanted &= ~takers;
        }
        // the scan's positions are in bytes: they are the string's only when the run is ASCII
        const packed = table.ascii && (info & PACKED) !== 0 && (wanted !== 0 || marked);
        if (packed) unpackPrefix(rows, r, this.span);
        if (wanted !== 0) {
          line ??= chunk.line(start, end);
          const prefix: SyslogPrefix | undefined = packed ? syslogPrefixAt(line, this.span) : undefined;
          for (let b = 0; wanted >>> b !== 0; b++) if ((wanted & (1 << b)) !== 0) readers[b].pushHeader(line, lineNo, prefix);
          this.active = wanted;
        }
        if (marked) {
          line ??= chunk.line(start, end);
          system.onLogMessage(file, lineNo, line, packed ? this.span.messageStart : (parseSyslogPrefix(line)?.messageStart ?? 0));
        }
      }
      if (marked) {
        line ??= chunk.line(start, end);
        this.ownerText = line;
        events.onLine(file, line, lineNo, line);
        warnings.onLine(file, line, lineNo);
      }
    }
  }

  /** The file has ended. */
  end(): void {
    this.endEntries();
    for (const sub of this.subscribers) sub.onFileEnd?.(this.file);
    for (let k = 0; k < this.names.length; k++) this.collectors.events.onProcessLines(this.names[k], this.counts[k]);
    if (this.lastChunk !== null) {
      const prefix = parseSyslogPrefix(this.lastChunk.line(this.lastStart, this.lastEnd));
      if (prefix !== null) this.collectors.system.onLogStamp(prefix.timestamp, null);
    }
  }

  /** Lines per process and per module so far (all of them once the file has ended). */
  families(): LineFamilies {
    const processes: Record<string, number> = {};
    const modules: Record<string, number> = {};
    for (let k = 0; k < this.names.length; k++) processes[this.names[k]] = (processes[this.names[k]] ?? 0) + this.counts[k];
    for (let m = 0; m < this.moduleNames.length; m++) modules[this.moduleNames[m]] = (modules[this.moduleNames[m]] ?? 0) + this.moduleCounts[m];
    return { processes, modules };
  }

  /** What was understood of the file (complete once it has ended). */
  readingCounts(): ReadingCounts {
    return this.reading.finish();
  }

  private endEntries(): void {
    const active = this.active;
    this.active = 0;
    for (let b = 0; active >>> b !== 0; b++) if ((active & (1 << b)) !== 0) this.readers[b].end();
  }

  private owner(): string | null {
    if (this.ownerText === null && this.ownerChunk !== null) this.ownerText = this.ownerChunk.line(this.ownerStart, this.ownerEnd);
    return this.ownerText;
  }
}
