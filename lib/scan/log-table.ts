// The scanning half of reading a loggingsnapshot, which may run on its own thread: it splits a
// run of lines, finds each line's bounds, whether it is timestamped, which process logged it,
// and whether one combined needle scan (LINE_NEEDLES) marks it as worth a collector's look.
// The result is a table of numbers per run; the collectors' half (log-lines.ts) walks it.
import type { RawLineSink, TextChunk } from "@/lib/bundle/line-splitter";
import { PrefixSpan, scanSyslogPrefix, timestampAt } from "@/lib/parse/syslog-prefix";
import { LOG_EVENT_NEEDLES } from "@/lib/facts/log-events";
import { SYSTEM_LOG_NEEDLES } from "@/lib/facts/system-facts";
import { WARNING_NEEDLES } from "@/lib/facts/warning-templates";

/** Every substring that makes a line worth a collector's look; other lines are not passed on. */
export const LINE_NEEDLES: readonly string[] = [...new Set([...LOG_EVENT_NEEDLES, ...WARNING_NEEDLES, ...SYSTEM_LOG_NEEDLES])];

const NEEDLE_RE = new RegExp(LINE_NEEDLES.map((n) => n.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")).join("|"), "g");

/** traffic_server's entries carry the MRA requests and certificate failures. */
export function isTrafficServerProcess(process: string): boolean {
  return process.startsWith("traffic_server");
}

// A table row is ROW numbers: start, end (offsets in the run, line ending excluded), line number,
// and info: the flags below, and for lines with a syslog prefix the process index from bit 4 on.
// A LONG row is a line skipped for its length; its start holds that length in bytes.
export const ROW = 4;
export const STAMPED = 1;
export const PREFIXED = 2;
export const MARKED = 4;
export const LONG = 8;
export const PROCESS_SHIFT = 4;

export type ProcessName = { index: number; name: string; trafficServer: boolean };

export type RunTable = {
  /** the run's bytes (empty for a table that only reports a long line) */
  buf: Buffer;
  ascii: boolean;
  rows: Int32Array;
  count: number;
  /** processes first seen in this run */
  names: ProcessName[];
};

/** Process names are matched against the known ones in place; past this many, through a map. */
const SCANNED_NAMES = 16;
const MAX_NAMES = 10_000;

/** A RawLineSink that turns runs of lines into RunTables, handed out by take(). */
export class LineTabler implements RawLineSink {
  private readonly span = new PrefixSpan();
  private readonly tables: RunTable[] = [];
  private current: RunTable | null = null;
  private marks: number[] = [];
  private markCount = 0;
  private markNext = 0;
  private readonly rawNames: string[] = [];
  private readonly nameIndex = new Map<string, number>();

  chunk(chunk: TextChunk): void {
    this.current = { buf: chunk.buf, ascii: chunk.ascii, rows: new Int32Array(ROW * (16 + (chunk.buf.length >> 5))), count: 0, names: [] };
    this.tables.push(this.current);
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
    let info = 0;
    if (this.markNext < this.markCount) {
      const marks = this.marks;
      let i = this.markNext;
      while (i < this.markCount && marks[i] < start) i++;
      if (i < this.markCount && marks[i] < end) {
        info = MARKED;
        i++;
      }
      this.markNext = i;
    }
    const text = chunk.text;
    if (timestampAt(text, start, end)) {
      info |= STAMPED;
      if (scanSyslogPrefix(text, start, end, this.span)) info |= PREFIXED | (this.processIndex(chunk) << PROCESS_SHIFT);
    }
    this.add(start, end, lineNo, info);
  }

  /** A line skipped for its length (LineScanner's onLongLine). */
  long(lineNo: number, bytes: number): void {
    if (this.current === null) {
      this.current = { buf: Buffer.alloc(0), ascii: true, rows: new Int32Array(ROW), count: 0, names: [] };
      this.tables.push(this.current);
    }
    this.add(bytes, 0, lineNo, LONG);
  }

  /** The tables made since the last take(). */
  take(): RunTable[] {
    const out = this.tables.splice(0);
    this.current = null;
    return out;
  }

  private add(start: number, end: number, lineNo: number, info: number): void {
    const t = this.current!;
    let rows = t.rows;
    const at = t.count * ROW;
    if (at + ROW > rows.length) {
      const grown = new Int32Array(rows.length * 2);
      grown.set(rows);
      t.rows = rows = grown;
    }
    rows[at] = start;
    rows[at + 1] = end;
    rows[at + 2] = lineNo;
    rows[at + 3] = info;
    t.count++;
  }

  private processIndex(chunk: TextChunk): number {
    const { processStart, processEnd } = this.span;
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
    // A hostile log could name a new process on every line: past the cap they share one name.
    if (raw.length >= MAX_NAMES) return this.processIndexOf("(other)", "(other)");
    return this.processIndexOf(rawName, chunk.line(processStart, processEnd));
  }

  private processIndexOf(rawName: string, name: string): number {
    const known = this.nameIndex.get(rawName);
    if (known !== undefined) return known;
    const index = this.rawNames.length;
    this.nameIndex.set(rawName, index);
    this.rawNames.push(rawName);
    this.current!.names.push({ index, name, trafficServer: isTrafficServerProcess(name) });
    return index;
  }
}
