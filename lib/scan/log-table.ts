// The scanning half of reading a loggingsnapshot, which may run on its own thread: it splits a
// run of lines, finds each line's bounds, whether it is timestamped, which process and module
// (`Module="..."`) logged it, and whether one combined scan for the needles it was given marks it
// as worth a collector's look. The result is a table of numbers per run; the collectors' half
// walks it. It knows no collector: the needles come from whoever reads the tables.
import type { RawLineSink, TextChunk } from "@/lib/bundle/line-splitter";
import { isLoneBarAt, markerAt, skipSpaces, textHas, textStart } from "@/lib/parse/log-reader";
import { PrefixSpan, scanSyslogPrefix, timestampAt } from "@/lib/parse/syslog-prefix";
import { type Needle, NeedleFinder } from "@/lib/scan/needle-finder";

export type { Needle };

/** The finder for a needle list; a file after the first with the same needles reuses it. */
let lastFinder: { key: string; finder: NeedleFinder } | null = null;

function needleFinder(needles: readonly Needle[]): NeedleFinder {
  const key = JSON.stringify(needles);
  if (lastFinder?.key !== key) lastFinder = { key, finder: new NeedleFinder(needles) };
  return lastFinder.finder;
}

const MODULE_KEY = 'Module="';
/** The module pair stands near the start of a message (after UTCTime); further on it is some value's text. */
const MODULE_WINDOW = 96;

// A table row is ROW numbers: start, end (offsets in the run, line ending excluded), line number,
// info: the flags below, and for lines with a syslog prefix the process index from bit 5 on; the
// module index (-1: none); and, for a PACKED row, the syslog prefix's positions from the line's start,
// two 16-bit numbers each (see packPrefix), so that the collectors need not scan the prefix again.
// A LONG row is a line skipped for its length; its start holds that length in bytes. KEEPALIVE marks
// a stamped line whose SIPMSG block is a SIP OPTIONS keep-alive (see KeepAliveWatch), so that its
// subscriber can count it without the entry being made.
export const ROW = 9;
export const STAMPED = 1;
export const PREFIXED = 2;
export const MARKED = 4;
export const LONG = 8;
export const PACKED = 16;
export const KEEPALIVE = 32;
export const PROCESS_SHIFT = 6;

/** Packs the prefix positions of the line starting at `start` into the row at `at` (each below 0xffff from it). */
function packPrefix(rows: Int32Array, at: number, p: PrefixSpan, start: number): void {
  rows[at + 5] = (p.timestampEnd - start) | ((p.hostStart - start) << 16);
  rows[at + 6] = (p.hostEnd - start) | ((p.processStart - start) << 16);
  rows[at + 7] = (p.processEnd - start) | ((p.messageStart - start) << 16);
  rows[at + 8] = (p.pidStart === -1 ? 0 : p.pidStart - start + 1) | ((p.pidEnd === -1 ? 0 : p.pidEnd - start + 1) << 16);
}

/** The prefix positions of a PACKED row at `r`, relative to its line's start (packPrefix's inverse). */
export function unpackPrefix(rows: Int32Array, r: number, out: PrefixSpan): void {
  const a = rows[r + 5];
  const b = rows[r + 6];
  const c = rows[r + 7];
  const d = rows[r + 8];
  out.timestampEnd = a & 0xffff;
  out.hostStart = a >>> 16;
  out.hostEnd = b & 0xffff;
  out.processStart = b >>> 16;
  out.processEnd = c & 0xffff;
  out.messageStart = c >>> 16;
  out.pidStart = (d & 0xffff) - 1;
  out.pidEnd = (d >>> 16) - 1;
}

export type ProcessName = { index: number; name: string };
export type ModuleName = { index: number; name: string };

export type RunTable = {
  /** the run's bytes (empty for a table that only reports a long line) */
  buf: Buffer;
  ascii: boolean;
  rows: Int32Array;
  count: number;
  /** processes first seen in this run */
  names: ProcessName[];
  /** modules first seen in this run */
  modules: ModuleName[];
};

/** Process names are matched against the known ones in place; past this many, through a map. */
const SCANNED_NAMES = 16;
const MAX_NAMES = 10_000;
const MAX_MODULES = 10_000;
/** Real logs name a few dozen modules; those are matched in place, without making a string. */
const SCANNED_MODULES = 64;

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
  private readonly moduleIndex = new Map<string, number>();
  private readonly rawModules: string[] = [];
  /**
   * The first `Module="` of the current chunk at or after moduleFrom (-1: none), so that a line does
   * not search anew while the answer still holds: the search runs once per occurrence, not per line.
   */
  private moduleAt = -1;
  private moduleFrom = Number.MAX_SAFE_INTEGER;
  private readonly needles: NeedleFinder;
  private readonly keepAlive = new KeepAliveWatch();

  /** `needles`: the substrings that mark a line (MARKED) for the collectors' look. */
  constructor(needles: readonly Needle[]) {
    this.needles = needleFinder(needles);
  }

  chunk(chunk: TextChunk): void {
    this.current = { buf: chunk.buf, ascii: chunk.ascii, rows: new Int32Array(ROW * (16 + (chunk.buf.length >> 5))), count: 0, names: [], modules: [] };
    this.tables.push(this.current);
    this.moduleFrom = Number.MAX_SAFE_INTEGER;
    this.markCount = this.needles.find(chunk.text, this.marks);
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
    let module = -1;
    if (timestampAt(text, start, end)) {
      info |= STAMPED;
      this.keepAlive.stamped(this.current!, this.current!.count * ROW, chunk, start, end);
      if (scanSyslogPrefix(text, start, end, this.span)) {
        info |= PREFIXED | (this.processIndex(chunk) << PROCESS_SHIFT);
        module = this.moduleOf(chunk, this.span.messageStart, end);
        // positions past 16 bits (a prefix padded with thousands of spaces) are left to the collectors
        if (this.span.messageStart - start < 0xffff) info |= PACKED;
      }
    } else this.keepAlive.line(chunk, start, end);
    this.add(start, end, lineNo, info, module);
  }

  /** A line skipped for its length (LineScanner's onLongLine). */
  long(lineNo: number, bytes: number): void {
    this.keepAlive.stop();
    if (this.current === null) {
      this.current = { buf: Buffer.alloc(0), ascii: true, rows: new Int32Array(ROW), count: 0, names: [], modules: [] };
      this.tables.push(this.current);
    }
    this.add(bytes, 0, lineNo, LONG, -1);
  }

  /** The tables made since the last take(). */
  take(): RunTable[] {
    const out = this.tables.splice(0);
    this.current = null;
    // rows handed out are no longer ours to mark
    this.keepAlive.stop();
    return out;
  }

  private add(start: number, end: number, lineNo: number, info: number, module: number): void {
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
    rows[at + 4] = module;
    if ((info & PACKED) !== 0) packPrefix(rows, at, this.span, start);
    t.count++;
  }

  /** The index of the module named by a `Module="..."` pair near the start of the message, else -1. */
  private moduleOf(chunk: TextChunk, messageStart: number, end: number): number {
    const text = chunk.text;
    if (this.moduleFrom > messageStart || (this.moduleAt !== -1 && this.moduleAt < messageStart)) {
      this.moduleAt = text.indexOf(MODULE_KEY, messageStart);
      this.moduleFrom = messageStart;
    }
    const at = this.moduleAt;
    if (at === -1 || at < messageStart || at >= end || at - messageStart > MODULE_WINDOW) return -1;
    const valueStart = at + MODULE_KEY.length;
    let valueEnd = valueStart;
    while (valueEnd < end && valueEnd - valueStart < 64 && text.charCodeAt(valueEnd) !== 34) valueEnd++;
    if (valueEnd >= end || text.charCodeAt(valueEnd) !== 34 || valueEnd === valueStart) return -1;
    const len = valueEnd - valueStart;
    const rawModules = this.rawModules;
    const scanned = Math.min(rawModules.length, SCANNED_MODULES);
    for (let k = 0; k < scanned; k++) {
      if (rawModules[k].length === len && text.startsWith(rawModules[k], valueStart)) return k;
    }
    const raw = chunk.raw(valueStart, valueEnd);
    const known = this.moduleIndex.get(raw);
    if (known !== undefined) return known;
    const name = this.moduleIndex.size >= MAX_MODULES ? "(other)" : raw;
    const other = this.moduleIndex.get(name);
    if (other !== undefined) return other;
    const index = rawModules.length;
    this.moduleIndex.set(name, index);
    rawModules.push(name);
    this.current!.modules.push({ index, name: chunk.line(valueStart, valueEnd) });
    return index;
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
    this.current!.names.push({ index, name });
    return index;
  }
}

const enum Watch {
  Off,
  /** after a stamped line: its SIPMSG marker line must come next */
  Marker,
  /** in the block: the start line, then headers up to the first CSeq */
  Block,
}

const DETAIL_KEY = 'Detail="';
const SIPMSG_MARKER = "SIPMSG:";

/**
 * Recognises, on the scan thread, the entries LogReader and the SIP collector would read as OPTIONS
 * keep-alives (lib/facts/sip/sip-collector.ts isKeepAlive): a stamped line without `Detail="`, then a
 * `SIPMSG:` line, a start line, and a `CSeq: <n> OPTIONS` header among the block's next 15 lines,
 * before the block ends. It applies LogReader's own rules (lib/parse/log-reader.ts) and only ever says
 * yes when the collector would: any other shape (a marker on the stamped line itself, a skipped long
 * line, a block cut by the end of a table, a run that is not ASCII) is left unmarked and read the
 * ordinary way.
 */
class KeepAliveWatch {
  private state = Watch.Off;
  private table: RunTable | null = null;
  private at = 0;
  /** the stamped line's bytes and bounds, for the Detail check */
  private header: Buffer | null = null;
  private headerStart = 0;
  private headerEnd = 0;
  private blockLines = 0;

  stamped(table: RunTable, at: number, chunk: TextChunk, start: number, end: number): void {
    // LogReader measures a decoded line in characters: only ASCII runs are judged, a byte a character
    if (!chunk.ascii) return this.stop();
    this.state = Watch.Marker;
    this.table = table;
    this.at = at;
    this.header = chunk.buf;
    this.headerStart = start;
    this.headerEnd = end;
    this.blockLines = 0;
  }

  stop(): void {
    this.state = Watch.Off;
    this.table = null;
    this.header = null;
  }

  line(chunk: TextChunk, start: number, end: number): void {
    if (this.state === Watch.Off) return;
    if (!chunk.ascii) return this.stop();
    if (this.state === Watch.Marker) {
      // `SIPMSG:` alone on its line (LogReader also reads a first message line after it; this does not)
      const at = skipSpaces(chunk, start, end);
      if (markerAt(chunk, at, end) === "SIPMSG" && skipSpaces(chunk, at + SIPMSG_MARKER.length, end) === end) this.state = Watch.Block;
      else this.stop();
      return;
    }
    // the block ends on a lone bar or after a bar glued to a line's end; an empty line is left to LogReader
    if (start === end || isLoneBarAt(chunk, start, end) || chunk.buf[end - 1] === 124) return this.stop();
    const index = this.blockLines++;
    if (index === 0) return; // the start line
    if (index > 15) return this.stop();
    // the first CSeq line decides, as in isKeepAlive
    const from = textStart(chunk, start, end);
    if (!textHas(chunk, from, end, "CSeq:", undefined)) return;
    if (textHas(chunk, from, end, "CSeq:", " OPTIONS") && this.table !== null && !this.headerHasDetail()) this.table.rows[this.at + 3] |= KEEPALIVE;
    this.stop();
  }

  private headerHasDetail(): boolean {
    const at = this.header!.indexOf(DETAIL_KEY, this.headerStart, "latin1");
    return at !== -1 && at < this.headerEnd;
  }
}
