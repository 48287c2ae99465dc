// Splits a stream of Buffers into text lines with bounded memory: only the unfinished tail
// of the previous chunk is carried over, and a line longer than the limit is counted and
// dropped rather than buffered.
import { isAscii, isUtf8 } from "node:buffer";

export type LineHandler = (line: string, lineNo: number) => void;
/** lineNo is 1-based; bytes is the skipped line's length without its line ending */
export type LongLineHandler = (lineNo: number, bytes: number) => void;

const LF = 10;
const CR = 13;
const REPLACEMENT = "\uFFFD";

// Buffer#toString validates its arguments on every call, which costs more than decoding a
// short line; the slice methods behind it are stable in Node but untyped, hence the detection.
type FastSlices = { latin1Slice?: (start: number, end: number) => string; utf8Slice?: (start: number, end: number) => string };
const proto = Buffer.prototype as unknown as FastSlices;
const HAS_FAST_SLICES = typeof proto.latin1Slice === "function" && typeof proto.utf8Slice === "function";

function asciiSlice(buf: Buffer, start: number, end: number): string {
  return HAS_FAST_SLICES ? (buf as unknown as Required<FastSlices>).latin1Slice(start, end) : buf.toString("latin1", start, end);
}

function utf8Slice(buf: Buffer, start: number, end: number): string {
  return HAS_FAST_SLICES ? (buf as unknown as Required<FastSlices>).utf8Slice(start, end) : buf.toString("utf8", start, end);
}

/**
 * A run of complete lines: the bytes, and the same bytes as a Latin-1 string (one character per
 * byte, so string offsets are byte offsets). Scanners search `text`; a line is decoded into a
 * fresh string (never a slice that would keep the whole run alive) only when someone keeps it.
 */
export class TextChunk {
  private latin1: string | null;

  constructor(
    readonly buf: Buffer,
    /** every byte is ASCII, so `text` is already the decoded text */
    readonly ascii: boolean,
    text: string | null = null,
  ) {
    this.latin1 = text;
  }

  /** The whole run, one character per byte (made on first use). */
  get text(): string {
    return (this.latin1 ??= asciiSlice(this.buf, 0, this.buf.length));
  }

  /** The line (or part of one) at [start, end), decoded like decodeLine. */
  line(start: number, end: number): string {
    return this.ascii ? asciiSlice(this.buf, start, end) : decodeLine(this.buf, start, end);
  }

  /** The bytes [start, end) one character per byte, as a fresh string. */
  raw(start: number, end: number): string {
    return asciiSlice(this.buf, start, end);
  }
}

/** Receives lines as positions in their chunk, so that lines nobody needs are never made into strings. */
export interface RawLineSink {
  /** A run of lines begins; the line() calls that follow point into it. */
  chunk?(chunk: TextChunk): void;
  /** The line [start, end) of `chunk`, without its line ending. */
  line(chunk: TextChunk, start: number, end: number, lineNo: number): void;
}

/**
 * Runs are cut at line ends below V8's regular object size, so each run's string is a cheap
 * short-lived allocation; larger strings go to the large-object space and cost a major GC each.
 */
const RUN_BYTES = 60 * 1024;

export class LineScanner {
  private carry: Buffer[] = [];
  private carryLen = 0;
  /** true while the current line is over the limit: its bytes are counted, not kept */
  private skipping = false;
  private skippedBytes = 0;
  private lineNo = 0;

  constructor(
    private readonly maxLineBytes: number,
    private readonly sink: RawLineSink,
    private readonly onLongLine: LongLineHandler,
  ) {}

  get lines(): number {
    return this.lineNo;
  }

  push(chunk: Buffer): void {
    const len = chunk.length;
    let start = 0;
    if (this.skipping || this.carryLen > 0) {
      const nl = chunk.indexOf(LF);
      if (nl === -1) {
        this.hold(chunk, 0, len);
        return;
      }
      this.completeCarried(chunk, nl);
      start = nl + 1;
    }
    const lastNl = chunk.lastIndexOf(LF);
    if (lastNl >= start) {
      this.scanRuns(chunk, start, lastNl + 1);
      start = lastNl + 1;
    }
    if (start < len) this.hold(chunk, start, len);
  }

  /** Flushes a last line that has no line ending. */
  end(): void {
    if (this.skipping || this.carryLen > 0) this.completeCarried(Buffer.alloc(0), 0);
  }

  private hold(chunk: Buffer, start: number, end: number): void {
    const n = end - start;
    if (this.skipping) {
      this.skippedBytes += n;
      return;
    }
    if (this.carryLen + n > this.maxLineBytes) {
      this.skipping = true;
      this.skippedBytes = this.carryLen + n;
      this.carry = [];
      this.carryLen = 0;
      return;
    }
    // Copy: the caller's chunk may be large, and we only want to keep this tail alive.
    this.carry.push(Buffer.from(chunk.subarray(start, end)));
    this.carryLen += n;
  }

  /** The line that began in an earlier chunk ends at `nl` of this one. */
  private completeCarried(chunk: Buffer, nl: number): void {
    if (this.skipping) {
      this.lineNo++;
      const bytes = this.skippedBytes + nl;
      this.skipping = false;
      this.skippedBytes = 0;
      this.onLongLine(this.lineNo, nl > 0 && chunk[nl - 1] === CR ? bytes - 1 : bytes);
      return;
    }
    this.carry.push(chunk.subarray(0, nl));
    const joined = Buffer.concat(this.carry, this.carryLen + nl);
    this.carry = [];
    this.carryLen = 0;
    this.scanRun(joined);
  }

  /** [from, to) holds complete lines, the last ending in LF. */
  private scanRuns(chunk: Buffer, from: number, to: number): void {
    while (from < to) {
      let runEnd = to;
      if (to - from > RUN_BYTES) {
        const nl = chunk.lastIndexOf(LF, from + RUN_BYTES - 1);
        // one line longer than a run: the run is that line
        runEnd = nl >= from ? nl + 1 : chunk.indexOf(LF, from + RUN_BYTES) + 1;
      }
      this.scanRun(chunk.subarray(from, runEnd));
      from = runEnd;
    }
  }

  /** Lines of a run that ends in LF (or, at the end of input, in the last line). */
  private scanRun(run: Buffer): void {
    const chunk = new TextChunk(run, isAscii(run), asciiSlice(run, 0, run.length));
    const text = chunk.text;
    const len = text.length;
    const sink = this.sink;
    sink.chunk?.(chunk);
    let start = 0;
    do {
      let nl = text.indexOf("\n", start);
      if (nl === -1) nl = len;
      const lineNo = ++this.lineNo;
      const end = nl > start && text.charCodeAt(nl - 1) === CR ? nl - 1 : nl;
      if (end - start > this.maxLineBytes) this.onLongLine(lineNo, end - start);
      else sink.line(chunk, start, end, lineNo);
      start = nl + 1;
    } while (start < len);
  }
}

/** LineScanner for callers that want every line as a string. */
export class LineSplitter extends LineScanner {
  constructor(maxLineBytes: number, onLine: LineHandler, onLongLine: LongLineHandler) {
    super(maxLineBytes, { line: (chunk, start, end, lineNo) => onLine(chunk.line(start, end), lineNo) }, onLongLine);
  }
}

let sjis: TextDecoder | null | undefined;
function shiftJisDecoder(): TextDecoder | null {
  if (sjis === undefined) {
    try {
      sjis = new TextDecoder("shift_jis", { fatal: true });
    } catch {
      sjis = null; // Node built without full ICU
    }
  }
  return sjis;
}

/** Kana (U+3040-U+30FF) or half-width kana: Japanese text nearly always has some; Latin-1 mis-decoded as Shift-JIS has none. */
const KANA_RE = /[\u3040-\u30ff\uff66-\uff9f]/;

/**
 * UTF-8 when the bytes are valid UTF-8; else Shift-JIS when they decode as such and read as Japanese
 * (Expressways with Japanese names); else Latin-1 so names like "Müller" stay readable.
 */
export function decodeLine(buf: Buffer, start: number, end: number): string {
  const text = utf8Slice(buf, start, end);
  // Cheap prefilter: only lines that decoded with replacement characters are re-checked.
  if (text.indexOf(REPLACEMENT) !== -1 && !isUtf8(buf.subarray(start, end))) {
    const dec = shiftJisDecoder();
    if (dec !== null) {
      try {
        const ja = dec.decode(buf.subarray(start, end));
        if (KANA_RE.test(ja)) return ja;
      } catch {
        // not Shift-JIS
      }
    }
    return asciiSlice(buf, start, end);
  }
  return text;
}

function stripCrLength(chunk: Buffer, start: number, end: number, bytes: number): number {
  return end > start && chunk[end - 1] === CR ? bytes - 1 : bytes;
}
