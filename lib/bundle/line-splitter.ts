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

export class LineSplitter {
  private carry: Buffer[] = [];
  private carryLen = 0;
  /** true while the current line is over the limit: its bytes are counted, not kept */
  private skipping = false;
  private skippedBytes = 0;
  private lineNo = 0;
  /** whether the chunk being split is pure ASCII (checked once per chunk, then lines decode cheaply) */
  private ascii = false;

  constructor(
    private readonly maxLineBytes: number,
    private readonly onLine: LineHandler,
    private readonly onLongLine: LongLineHandler,
  ) {}

  get lines(): number {
    return this.lineNo;
  }

  push(chunk: Buffer): void {
    const len = chunk.length;
    this.ascii = isAscii(chunk);
    let start = 0;
    while (start < len) {
      const nl = chunk.indexOf(LF, start);
      if (nl === -1) {
        this.hold(chunk, start, len);
        return;
      }
      this.complete(chunk, start, nl);
      start = nl + 1;
    }
  }

  /** Flushes a last line that has no line ending. */
  end(): void {
    if (this.skipping || this.carryLen > 0) this.complete(Buffer.alloc(0), 0, 0);
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

  private complete(chunk: Buffer, start: number, end: number): void {
    this.lineNo++;
    if (this.skipping) {
      const bytes = this.skippedBytes + (end - start);
      this.skipping = false;
      this.skippedBytes = 0;
      this.onLongLine(this.lineNo, stripCrLength(chunk, start, end, bytes));
      return;
    }
    if (this.carryLen > 0) {
      const total = this.carryLen + (end - start);
      this.carry.push(chunk.subarray(start, end));
      const joined = Buffer.concat(this.carry, total);
      this.carry = [];
      this.carryLen = 0;
      const ascii = this.ascii;
      this.ascii = isAscii(joined);
      this.emit(joined, 0, joined.length);
      this.ascii = ascii;
      return;
    }
    this.emit(chunk, start, end);
  }

  private emit(buf: Buffer, start: number, end: number): void {
    if (end > start && buf[end - 1] === CR) end--;
    if (end - start > this.maxLineBytes) {
      this.onLongLine(this.lineNo, end - start);
      return;
    }
    this.onLine(this.ascii ? asciiSlice(buf, start, end) : decodeLine(buf, start, end), this.lineNo);
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
