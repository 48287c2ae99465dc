// Groups the lines of a loggingsnapshot into entries: one timestamped line plus, when it is
// followed by `HTTPMSG:` / `SIPMSG:`, the message lines after it. Real logs are messy: message
// lines are not always prefixed with `|`, and a block may end at the next timestamped line
// instead of a lone `|`.
import type { TextChunk } from "@/lib/bundle/line-splitter";
import { type SyslogPrefix, parseSyslogPrefix, startsWithTimestamp } from "@/lib/parse/syslog-prefix";

export type BlockMarker = "HTTPMSG" | "SIPMSG";

export type LogBlock = {
  marker: BlockMarker;
  /** 1-based file line of lines[0]; lines[i] is on firstLine + i */
  firstLine: number;
  /** message lines with a leading `|` removed (only the first maxBlockLines are kept) */
  lines: string[];
  /** all message lines, kept or not */
  lineCount: number;
  /** the first message line exactly as written (evidence shows lines as they are in the file); null when the block is not kept */
  firstRaw: string | null;
};

export type LogEntry = {
  /** 1-based line of the timestamped line */
  line: number;
  /** the timestamped line as written */
  text: string;
  prefix: SyslogPrefix;
  block: LogBlock | null;
};

export type LogReaderOptions = {
  /** whether to keep an entry's message lines (e.g. only traffic_server's); default: keep */
  keepBlock?: (prefix: SyslogPrefix, text: string) => boolean;
  /** default 64: enough for the request/status line and headers */
  maxBlockLines?: number;
};

const enum State {
  Idle,
  AfterHeader,
  InBlock,
}

export class LogReader {
  private pending: LogEntry | null = null;
  private state = State.Idle;
  private keepLines = false;
  private readonly maxBlockLines: number;
  private readonly keepBlock: ((prefix: SyslogPrefix, text: string) => boolean) | undefined;
  /** lines that were neither timestamped nor inside a message block */
  strayLines = 0;

  constructor(
    private readonly onEntry: (entry: LogEntry) => void,
    options: LogReaderOptions = {},
  ) {
    this.maxBlockLines = options.maxBlockLines ?? 64;
    this.keepBlock = options.keepBlock;
  }

  push(line: string, lineNo: number): void {
    if (startsWithTimestamp(line)) this.pushHeader(line, lineNo);
    else this.pushMessageLine(line, 0, line.length, lineNo);
  }

  /** A timestamped line: it ends the entry before it and may begin a message block. */
  pushHeader(line: string, lineNo: number): void {
    this.flush();
    const prefix = parseSyslogPrefix(line);
    if (prefix === null) {
      this.strayLines++;
      return;
    }
    this.pending = { line: lineNo, text: line, prefix, block: null };
    const inline = markerAtEnd(line);
    if (inline !== null) this.openBlock(inline, lineNo + 1);
    else this.state = State.AfterHeader;
  }

  /**
   * A line without a timestamp, at [start, end) of `source` (a chunk, or the line itself): it is
   * only made into a string when it is kept.
   */
  pushMessageLine(source: TextChunk | string, start: number, end: number, lineNo: number): void {
    if (typeof source !== "string" && !source.ascii) {
      // lengths below are in characters: decode first
      source = source.line(start, end);
      start = 0;
      end = source.length;
    }
    const entry = this.pending;
    if (this.state === State.AfterHeader && entry !== null) {
      const marker = end - start < 16 ? markerLine(spanText(source, start, end)) : null;
      if (marker !== null) {
        this.openBlock(marker, lineNo + 1);
        return;
      }
      this.strayLines++;
      return;
    }
    if (this.state === State.InBlock && entry !== null && entry.block !== null) {
      const n = end - start;
      if (n === 1 ? firstCode(source, start) === 124 : n < 8 && isLoneBar(spanText(source, start, end))) {
        this.flush();
        return;
      }
      const block = entry.block;
      block.lineCount++;
      if (!this.keepLines) return;
      if (block.lineCount === 1) {
        // one string for both: the kept line is the raw one without its bar
        const raw = spanText(source, start, end);
        block.firstRaw = raw;
        if (this.maxBlockLines > 0) block.lines.push(raw.charCodeAt(0) === 124 ? raw.slice(1) : raw);
      } else if (block.lines.length < this.maxBlockLines && block.lines.length + 1 === block.lineCount) {
        block.lines.push(spanText(source, firstCode(source, start) === 124 ? start + 1 : start, end));
      }
      return;
    }
    this.strayLines++;
  }

  end(): void {
    this.flush();
  }

  private openBlock(marker: BlockMarker, firstLine: number): void {
    const entry = this.pending!;
    entry.block = { marker, firstLine, lines: [], lineCount: 0, firstRaw: null };
    this.keepLines = this.keepBlock ? this.keepBlock(entry.prefix, entry.text) : true;
    this.state = State.InBlock;
  }

  private flush(): void {
    const entry = this.pending;
    this.pending = null;
    this.state = State.Idle;
    if (entry !== null) this.onEntry(entry);
  }
}

function firstCode(source: TextChunk | string, at: number): number {
  return typeof source === "string" ? source.charCodeAt(at) : source.buf[at];
}

function spanText(source: TextChunk | string, start: number, end: number): string {
  if (typeof source !== "string") return source.line(start, end);
  return start === 0 && end === source.length ? source : source.slice(start, end);
}

function markerLine(line: string): BlockMarker | null {
  const t = line.length < 16 ? line.trim() : "";
  if (t === "HTTPMSG:") return "HTTPMSG";
  if (t === "SIPMSG:") return "SIPMSG";
  return null;
}

function markerAtEnd(line: string): BlockMarker | null {
  let end = line.length;
  while (end > 0 && line.charCodeAt(end - 1) === 32) end--;
  if (line.charCodeAt(end - 1) !== 58) return null;
  if (line.endsWith(" HTTPMSG:", end)) return "HTTPMSG";
  if (line.endsWith(" SIPMSG:", end)) return "SIPMSG";
  return null;
}

function isLoneBar(line: string): boolean {
  if (line.length === 1) return line.charCodeAt(0) === 124;
  return line.length < 8 && line.trim() === "|";
}
