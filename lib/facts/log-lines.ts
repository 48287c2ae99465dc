// The collectors' half of reading a loggingsnapshot: walks the tables log-table.ts made of its
// runs of lines. Lines marked by the needle scan go to the event, warning and version collectors;
// traffic_server entries go through the LogReader; every other line only moves counters and the
// context ring, and never becomes a string.
import { TextChunk } from "@/lib/bundle/line-splitter";
import type { LongLineHandler } from "@/lib/bundle/line-splitter";
import { LogReader } from "@/lib/parse/log-reader";
import { parseSyslogPrefix } from "@/lib/parse/syslog-prefix";
import type { LineContext } from "@/lib/facts/line-context";
import type { LogEventCollector } from "@/lib/facts/log-events";
import * as table from "@/lib/scan/log-table";
import type { RunTable } from "@/lib/scan/log-table";
import type { SystemCollector } from "@/lib/facts/system-facts";
import { TrafficServerCollector } from "@/lib/facts/traffic-server-facts";
import type { WarningCollector } from "@/lib/facts/warning-templates";

// Read once: the row loop runs for every line, and module bindings may compile to getters.
const { LONG, MARKED, PREFIXED, PROCESS_SHIFT, ROW, STAMPED } = table;

export type LogCollectors = {
  system: SystemCollector;
  events: LogEventCollector;
  warnings: WarningCollector;
  trafficServer: TrafficServerCollector;
  lineContext: LineContext;
};

/** One log file's lines. */
export class LogFileLines {
  private readonly reader: LogReader;
  /** inside a traffic_server entry: its lines go to the reader */
  private inTrafficServer = false;
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
  /** lines per process, by the table's process index */
  private readonly names: string[] = [];
  private readonly counts: number[] = [];
  private readonly isTrafficServer: boolean[] = [];

  constructor(
    private readonly file: string,
    private readonly collectors: LogCollectors,
    private readonly onLongLine: LongLineHandler,
  ) {
    // The collector reads the request or status line of a message block, nothing after it.
    this.reader = new LogReader((entry) => collectors.trafficServer.onEntry(file, entry), {
      maxBlockLines: 1,
      keepBlock: (_prefix, text) => TrafficServerCollector.readsMessage(text),
    });
  }

  run(table: RunTable): void {
    for (const n of table.names) {
      this.names[n.index] = n.name;
      this.counts[n.index] = 0;
      this.isTrafficServer[n.index] = n.trafficServer;
    }
    const { lineContext, events, warnings, system } = this.collectors;
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
        this.onLongLine(lineNo, start);
        continue;
      }
      lineContext.pushSpan(chunk, start, end, lineNo);
      const marked = (info & MARKED) !== 0;

      if ((info & STAMPED) === 0) {
        if (this.inTrafficServer) this.reader.pushMessageLine(chunk, start, end, lineNo);
        if (marked) events.onLine(file, chunk.line(start, end), lineNo, this.owner());
        continue;
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
      let line: string | null = null;
      if ((info & PREFIXED) !== 0) {
        const k = info >>> PROCESS_SHIFT;
        this.counts[k]++;
        this.lastChunk = chunk;
        this.lastStart = start;
        this.lastEnd = end;
        if (!this.firstSeen) {
          this.firstSeen = true;
          line = chunk.line(start, end);
          const prefix = parseSyslogPrefix(line);
          if (prefix !== null) system.onLogStamp(prefix.timestamp, prefix.host);
        }
        if (this.isTrafficServer[k]) {
          line ??= chunk.line(start, end);
          this.reader.pushHeader(line, lineNo);
          this.inTrafficServer = true;
        }
        if (marked) {
          line ??= chunk.line(start, end);
          system.onLogMessage(file, lineNo, line, parseSyslogPrefix(line)?.messageStart ?? 0);
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
    this.reader.end();
    this.inTrafficServer = false;
    for (let k = 0; k < this.names.length; k++) this.collectors.events.onProcessLines(this.names[k], this.counts[k]);
    if (this.lastChunk !== null) {
      const prefix = parseSyslogPrefix(this.lastChunk.line(this.lastStart, this.lastEnd));
      if (prefix !== null) this.collectors.system.onLogStamp(prefix.timestamp, null);
    }
  }

  private owner(): string | null {
    if (this.ownerText === null && this.ownerChunk !== null) this.ownerText = this.ownerChunk.line(this.ownerStart, this.ownerEnd);
    return this.ownerText;
  }
}
