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
  readonly lines: readonly string[];
  /** all message lines, kept or not */
  lineCount: number;
  /** the lines kept (lines.length, without making them) */
  readonly kept: number;
  /** the first message line exactly as written (evidence shows lines as they are in the file); null when the block is not kept */
  readonly firstRaw: string | null;
  /** the kept lines as written (bars and leading spaces kept), joined by their line endings, as one string */
  rawText(): string;
  /**
   * Whether kept line i (its bar removed, up to two spaces before the text skipped) starts with `head`
   * and, when `tail` is given, ends with it (spaces and CR after it ignored): a look at the bytes that
   * makes no string, for collectors that skip most blocks (SIP OPTIONS keep-alives).
   */
  lineHas(i: number, head: string, tail?: string): boolean;
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
  /** lines that were neither timestamped nor inside a message block, nor blank */
  strayLines = 0;
  /** empty or all-space lines outside message blocks (the leading-space layout ends blocks with one) */
  blankLines = 0;

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

  /**
   * A timestamped line: it ends the entry before it and may begin a message block. `known`: its
   * prefix, when the scan already read it.
   */
  pushHeader(line: string, lineNo: number, known?: SyslogPrefix): void {
    this.flush();
    const prefix = known ?? parseSyslogPrefix(line);
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
      // `HTTPMSG:` / ` SIPMSG:` alone, or with the first message line after it on the same line
      const at = skipSpaces(source, start, end);
      const c = at < end ? firstCode(source, at) : 0;
      const marker = c === 72 || c === 83 ? markerAt(source, at, end) : null;
      if (marker !== null) {
        this.openBlock(marker, lineNo + 1);
        const rest = skipSpaces(source, at + marker.length + 1, end);
        if (rest < end) {
          entry.block!.firstLine = lineNo;
          this.addBlockLine(source, rest, end);
        }
        return;
      }
      // a marker must follow its entry's line directly: after a stray line none opens a block
      if (skipSpaces(source, start, end) !== end) this.state = State.Idle;
      this.stray(source, start, end);
      return;
    }
    if (this.state === State.InBlock && entry !== null && entry.block !== null) {
      if (isLoneBarAt(source, start, end)) {
        this.flush();
        return;
      }
      // A bar glued to the last line (`...</resourceusageinfo>|`) closes the block after it.
      if (end - start > 1 && firstCode(source, end - 1) === 124) {
        this.addBlockLine(source, start, end - 1);
        this.flush();
        return;
      }
      this.addBlockLine(source, start, end);
      return;
    }
    this.stray(source, start, end);
  }

  private addBlockLine(source: TextChunk | string, start: number, end: number): void {
    const block = this.pending!.block as SpanBlock;
    block.lineCount++;
    if (!this.keepLines) return;
    // only the first maxBlockLines, and only while no line was skipped (their numbers follow on)
    if (block.kept < this.maxBlockLines && block.kept + 1 === block.lineCount) block.keep(source, start, end);
    else if (block.lineCount === 1) block.keepRawOnly(source, start, end);
  }

  /** A line outside any entry's message: blank ones are layout, the others were not understood. */
  private stray(source: TextChunk | string, start: number, end: number): void {
    if (skipSpaces(source, start, end) === end) this.blankLines++;
    else this.strayLines++;
  }

  end(): void {
    this.flush();
  }

  private openBlock(marker: BlockMarker, firstLine: number): void {
    const entry = this.pending!;
    entry.block = new SpanBlock(marker, firstLine);
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

const EMPTY_SOURCES: (TextChunk | string)[] = [];
const EMPTY_OFFSETS: number[] = [];

/**
 * A block whose kept lines stay positions in their chunk until someone reads them: most blocks of a
 * busy log (keep-alives, bodies nobody asks for) never become strings. While its kept lines follow
 * one another in one chunk (nearly always) it holds only where they begin and end; a block broken by
 * a chunk's end, a skipped long line or a decoded (non-ASCII) line keeps each line's positions.
 * Chunks are never reused, so the positions stay valid; a subscriber that keeps a block keeps its
 * chunks alive (read what you need while the entry is delivered).
 */
class SpanBlock implements LogBlock {
  lineCount = 0;
  /** kept lines */
  kept = 0;
  /** the kept lines' source and range while they are one run: from the first's start to the last's end */
  private src: TextChunk | string | null = null;
  private runStart = 0;
  private runEnd = 0;
  /** lineHas's place in the run: where line cursorLine starts */
  private cursorLine = 0;
  private cursorAt = 0;
  /** per kept line once they are not one run: its source, where it starts, its text starts, it ends */
  private sources: (TextChunk | string)[] = EMPTY_SOURCES;
  private offsets: number[] = EMPTY_OFFSETS;
  private text: string[] | null = null;
  private whole: string | null = null;
  private raw: string | null = null;
  private rawDone = false;

  constructor(
    readonly marker: BlockMarker,
    public firstLine: number,
  ) {}

  keep(source: TextChunk | string, start: number, end: number): void {
    if (this.kept === 0) {
      this.src = source;
      this.runStart = start;
      this.runEnd = end;
    } else if (this.src !== null && source === this.src && typeof source !== "string" && start > this.runEnd && start - this.runEnd <= 2) {
      // the next line of the same chunk (after LF or CRLF)
      this.runEnd = end;
    } else {
      if (this.src !== null) this.split();
      this.sources.push(source);
      this.offsets.push(start, textStart(source, start, end), end);
    }
    this.kept++;
  }

  /** The first line when no line is kept (maxBlockLines 0): only its raw text. */
  keepRawOnly(source: TextChunk | string, start: number, end: number): void {
    this.raw = spanText(source, start, end);
    this.rawDone = true;
  }

  get lines(): readonly string[] {
    if (this.text === null) {
      if (this.src !== null) this.text = blockLines(this.rawText());
      else {
        const o = this.offsets;
        const out: string[] = new Array(this.kept);
        for (let i = 0; i < this.kept; i++) out[i] = spanText(this.sources[i], o[3 * i + 1], o[3 * i + 2]);
        this.text = out;
      }
    }
    return this.text;
  }

  /** The kept lines as written (bars and leading spaces kept), joined by their line endings: one string. */
  rawText(): string {
    if (this.whole === null) {
      if (this.kept === 0) this.whole = "";
      else if (this.src !== null) this.whole = spanText(this.src, this.runStart, this.runEnd);
      else {
        const parts: string[] = new Array(this.kept);
        for (let i = 0; i < this.kept; i++) parts[i] = spanText(this.sources[i], this.offsets[3 * i], this.offsets[3 * i + 2]);
        this.whole = parts.join("\n");
      }
    }
    return this.whole;
  }

  get firstRaw(): string | null {
    if (!this.rawDone) {
      if (this.kept === 0) this.raw = null;
      else if (this.src === null) this.raw = spanText(this.sources[0], this.offsets[0], this.offsets[2]);
      else {
        // the run's first line, cut from its string when that is made already
        const source = this.whole ?? this.src;
        const from = this.whole === null ? this.runStart : 0;
        const to = this.whole === null ? this.runEnd : this.whole.length;
        this.raw = spanText(source, from, endBefore(source, from, lineFeedIn(source, from, to)));
      }
      this.rawDone = true;
    }
    return this.raw;
  }

  lineHas(i: number, head: string, tail?: string): boolean {
    if (i < 0 || i >= this.kept) return false;
    if (this.text !== null) return textHas(this.text[i], 0, this.text[i].length, head, tail);
    if (this.src === null) return textHas(this.sources[i], this.offsets[3 * i + 1], this.offsets[3 * i + 2], head, tail);
    // the i-th line of the run, found by its line ends from the last line asked for (callers ask in order)
    const src = this.src;
    if (i < this.cursorLine) {
      this.cursorLine = 0;
      this.cursorAt = this.runStart;
    }
    let at = this.cursorLine === 0 ? this.runStart : this.cursorAt;
    for (let k = this.cursorLine; k < i; k++) at = lineFeedIn(src, at, this.runEnd) + 1;
    this.cursorLine = i;
    this.cursorAt = at;
    const end = endBefore(src, at, lineFeedIn(src, at, this.runEnd));
    return textHas(src, textStart(src, at, end), end, head, tail);
  }

  /** Leaves the one-run form: each kept line's positions, found by its line ends. */
  private split(): void {
    const src = this.src!;
    this.src = null;
    this.sources = [];
    this.offsets = [];
    let at = this.runStart;
    for (let i = 0; i < this.kept; i++) {
      const lf = lineFeedIn(src, at, this.runEnd);
      const end = endBefore(src, at, lf);
      this.sources.push(src);
      this.offsets.push(at, textStart(src, at, end), end);
      at = lf + 1;
    }
  }
}

/**
 * A block's lines as LogBlock.lines gives them (bar or leading space removed), cut from its rawText():
 * a collector may keep the one string and make the lines again only when it needs them (one line at
 * least: a block's rawText() holds one per kept line).
 */
export function blockLines(raw: string): string[] {
  const out: string[] = [];
  let at = 0;
  for (;;) {
    let nl = raw.indexOf("\n", at);
    const last = nl === -1;
    if (last) nl = raw.length;
    const end = endBefore(raw, at, nl);
    out.push(raw.slice(textStart(raw, at, end), end));
    if (last) return out;
    at = nl + 1;
  }
}

/** The LF that ends the line starting at `start` (`limit` when none does before it). */
function lineFeedIn(source: TextChunk | string, start: number, limit: number): number {
  if (typeof source !== "string") {
    const nl = source.buf.indexOf(10, start);
    return nl === -1 || nl > limit ? limit : nl;
  }
  const nl = source.indexOf("\n", start);
  return nl === -1 || nl > limit ? limit : nl;
}

/** Where the line ending at the LF (or limit) `lf` ends as the scan cut it: without a CR before the LF. */
function endBefore(source: TextChunk | string, start: number, lf: number): number {
  return lf > start && firstCode(source, lf - 1) === 13 ? lf - 1 : lf;
}

/** Where a message line's text starts: after a leading `|`, ` |` (the first, in the leading-space layout) or one space. */
export function textStart(source: TextChunk | string, start: number, end: number): number {
  const c = start < end ? firstCode(source, start) : 0;
  if (c === 124) return start + 1;
  if (c === 32) return start + 1 < end && firstCode(source, start + 1) === 124 ? start + 2 : start + 1;
  return start;
}

/** LogBlock.lineHas's test on the text at [start, end) (after textStart): up to two spaces, then `head`, and `tail` at its end when given. */
export function textHas(source: TextChunk | string, start: number, end: number, head: string, tail: string | undefined): boolean {
  let at = start;
  for (let k = 0; k < 2 && at < end && firstCode(source, at) === 32; k++) at++;
  if (end - at < head.length) return false;
  for (let k = 0; k < head.length; k++) if (firstCode(source, at + k) !== head.charCodeAt(k)) return false;
  if (tail === undefined) return true;
  let e = end;
  while (e > at + head.length && (firstCode(source, e - 1) === 32 || firstCode(source, e - 1) === 13)) e--;
  if (e - (at + head.length) < tail.length) return false;
  for (let k = 0; k < tail.length; k++) if (firstCode(source, e - tail.length + k) !== tail.charCodeAt(k)) return false;
  return true;
}

function firstCode(source: TextChunk | string, at: number): number {
  return typeof source === "string" ? source.charCodeAt(at) : source.buf[at];
}

function spanText(source: TextChunk | string, start: number, end: number): string {
  if (typeof source !== "string") return source.line(start, end);
  return start === 0 && end === source.length ? source : source.slice(start, end);
}

/** `HTTPMSG:` / `SIPMSG:` at `at`, followed by the end, a space or a bar. */
export function markerAt(source: TextChunk | string, at: number, end: number): BlockMarker | null {
  for (const marker of MARKERS) {
    const n = marker.length;
    if (end - at < n + 1 || firstCode(source, at + n) !== 58) continue;
    let same = true;
    for (let k = 0; same && k < n; k++) same = firstCode(source, at + k) === marker.charCodeAt(k);
    if (!same) continue;
    const after = at + n + 1 < end ? firstCode(source, at + n + 1) : 32;
    if (after === 32 || after === 124) return marker;
  }
  return null;
}

const MARKERS: readonly BlockMarker[] = ["HTTPMSG", "SIPMSG"];

export function skipSpaces(source: TextChunk | string, i: number, end: number): number {
  while (i < end && firstCode(source, i) === 32) i++;
  return i;
}

function markerAtEnd(line: string): BlockMarker | null {
  let end = line.length;
  while (end > 0 && line.charCodeAt(end - 1) === 32) end--;
  if (line.charCodeAt(end - 1) !== 58) return null;
  if (line.endsWith(" HTTPMSG:", end)) return "HTTPMSG";
  if (line.endsWith(" SIPMSG:", end)) return "SIPMSG";
  return null;
}

/** Whether the message line at [start, end) is a lone bar (`|`, or one with spaces around it), which ends its block. */
export function isLoneBarAt(source: TextChunk | string, start: number, end: number): boolean {
  const n = end - start;
  return n === 1 ? firstCode(source, start) === 124 : n < 8 && isLoneBar(spanText(source, start, end));
}

function isLoneBar(line: string): boolean {
  if (line.length === 1) return line.charCodeAt(0) === 124;
  return line.length < 8 && line.trim() === "|";
}
