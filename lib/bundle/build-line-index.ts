// Builds a stored bundle's line index (lib/bundle/line-index.ts) in one pass over it, after the analysis
// has answered, so it costs the analysis nothing. Inflating goes through node's own zlib (about 6x
// pako's speed) driven block by block (Z_BLOCK): each stop at a block boundary is a checkpoint
// candidate, kept when the block starts on a byte boundary, which is checked by inflating the next
// bytes from there with the window as dictionary and comparing them with what the pass produced.
import { constants, createGunzip, inflateRawSync } from "node:zlib";
import type { FileKind } from "@/lib/bundle/bundle-file";
import { isGzip, looksLikeTar, looksLikeText } from "@/lib/bundle/detect-format";
import { classifyFile, textUploadFile } from "@/lib/bundle/file-kind";
import { admitMember } from "@/lib/bundle/tar-member";
import { TarScanner } from "@/lib/bundle/tar-scan";
import { LINE_INDEX_VERSION, type Checkpoint, type IndexedFile, type LineIndex } from "@/lib/bundle/line-index";
import type { BundleFormat } from "@/lib/bundle/read-bundle";

export type LineIndexOptions = {
  /** decompressed bytes between checkpoints at least (default 8 MiB) */
  checkpointSpan?: number;
  /** lines between line marks at most (default 2048) */
  markLines?: number;
  /** bytes between line marks at most, where lines allow (default 512 KiB) */
  markBytes?: number;
  /**
   * false: inflate through the stream API, off the event loop, without checkpoints (a stand-in index
   * built by the web server while the analyzer's is not there yet)
   */
  checkpoints?: boolean;
};

const WINDOW = 32 * 1024;
const SNIFF = 4096;
/** output compared when checking a checkpoint candidate */
const VERIFY_BYTES = 256;
/** compressed bytes kept to check a candidate with (a block header and a few hundred bytes of output) */
const VERIFY_INPUT = 8 * 1024;
const OUT_BYTES = 1024 * 1024;

export async function buildLineIndex(input: AsyncIterable<Buffer>, fileName: string, options: LineIndexOptions = {}): Promise<LineIndex> {
  const span = options.checkpointSpan ?? 8 * 1024 * 1024;
  const files = new FileTable(options.markLines ?? 2048, options.markBytes ?? 512 * 1024);
  const source = new ChunkSource(input);
  const head = await source.peek(512);
  let format: BundleFormat;
  let checkpoints: Checkpoint[] = [];
  let compressedBytes = 0;
  let decompressedBytes = 0;
  const sinkFor = (first: Buffer, gzipped: boolean): ByteSink => (looksLikeTar(first) ? new TarWalker(files) : new SingleFile(files, textUploadFile(fileName, gzipped).name));
  if (isGzip(head)) {
    const inflater = new BlockInflater(span, options.checkpoints ?? true);
    // What the stream holds (tar or text) is known from its first 512 inflated bytes.
    const held: Buffer[] = [];
    let heldLen = 0;
    let sink: ByteSink | null = null;
    const open = () => {
      const first = Buffer.concat(held);
      const made = sinkFor(first, true);
      made.write(first, 0, first.length);
      return made;
    };
    await inflater.run(source, (buf, start, end) => {
      if (sink) return sink.write(buf, start, end);
      held.push(Buffer.from(buf.subarray(start, end)));
      heldLen += end - start;
      if (heldLen >= 512) sink = open();
    });
    const done: ByteSink = sink ?? open();
    done.end();
    format = done instanceof TarWalker ? "tar.gz" : "text.gz";
    checkpoints = inflater.checkpoints;
    compressedBytes = source.consumed;
    decompressedBytes = inflater.totalOut;
  } else {
    const sink = sinkFor(head, false);
    for await (const chunk of source) {
      sink.write(chunk, 0, chunk.length);
      decompressedBytes += chunk.length;
    }
    sink.end();
    format = sink instanceof TarWalker ? "tar" : "text";
    compressedBytes = decompressedBytes;
  }
  return { version: LINE_INDEX_VERSION, format, compressedBytes, decompressedBytes, files: files.done(), checkpoints };
}

/** An input stream whose first bytes can be looked at; counts what was consumed. */
class ChunkSource implements AsyncIterable<Buffer> {
  private readonly it: AsyncIterator<Buffer>;
  private held: Buffer[] = [];
  consumed = 0;

  constructor(input: AsyncIterable<Buffer>) {
    this.it = input[Symbol.asyncIterator]();
  }

  async peek(n: number): Promise<Buffer> {
    let len = this.held.reduce((s, b) => s + b.length, 0);
    while (len < n) {
      const next = await this.it.next();
      if (next.done) break;
      const buf = Buffer.isBuffer(next.value) ? next.value : Buffer.from(next.value);
      this.held.push(buf);
      len += buf.length;
    }
    return Buffer.concat(this.held).subarray(0, n);
  }

  async *[Symbol.asyncIterator](): AsyncGenerator<Buffer> {
    for (const b of this.held) {
      this.consumed += b.length;
      yield b;
    }
    this.held = [];
    for (;;) {
      const next = await this.it.next();
      if (next.done) return;
      const buf = Buffer.isBuffer(next.value) ? next.value : Buffer.from(next.value);
      this.consumed += buf.length;
      yield buf;
    }
  }
}

type Emit = (buf: Buffer, start: number, end: number) => void;

type ZlibInternals = {
  _handle?: { writeSync?: (...args: unknown[]) => void; onerror?: (message: string, errno: number) => void };
  _writeState?: Uint32Array;
};

type Candidate = { out: number; in: number; window: Buffer; input: Buffer[]; inputLen: number; expect: Buffer[]; expectLen: number };

/**
 * Gunzip through zlib's own handle, one deflate block per call (Z_BLOCK), synchronously: node's stream
 * API does not stop at blocks, and the handle's writeSync/_writeState are what zlibBufferSync itself
 * uses. Without them (another runtime) the pass still indexes lines, with no checkpoints.
 */
class BlockInflater {
  readonly checkpoints: Checkpoint[] = [];
  totalOut = 0;
  private totalIn = 0;
  private pending: Candidate[] = [];
  private lastOut = 0;

  constructor(
    private readonly span: number,
    private readonly byBlock: boolean,
  ) {}

  async run(source: AsyncIterable<Buffer>, emit: Emit): Promise<void> {
    const gz = createGunzip() as unknown as ZlibInternals;
    const handle = gz._handle;
    const state = gz._writeState;
    if (!this.byBlock || !handle || typeof handle.writeSync !== "function" || !state) return this.runStream(source, emit);
    let failure: string | null = null;
    handle.onerror = (message) => {
      failure = message;
    };
    // The output buffer keeps the last WINDOW bytes at its front when it wraps, so a candidate's
    // window is always the WINDOW bytes before the write position.
    const out = Buffer.allocUnsafe(OUT_BYTES + WINDOW);
    let outPos = 0;
    for await (const chunk of source) {
      this.feedPendingInput(chunk);
      let inOff = 0;
      while (inOff < chunk.length) {
        const availIn = chunk.length - inOff;
        const availOut = out.length - outPos;
        handle.writeSync(constants.Z_BLOCK, chunk, inOff, availIn, out, outPos, availOut);
        if (failure) throw new Error(`inflate: ${failure}`);
        const produced = availOut - state[0];
        const consumed = availIn - state[1];
        if (produced > 0) {
          emit(out, outPos, outPos + produced);
          this.feedPending(out, outPos, outPos + produced);
          outPos += produced;
          this.totalOut += produced;
        }
        inOff += consumed;
        this.totalIn += consumed;
        if (state[0] === 0) {
          out.copyWithin(0, outPos - WINDOW, outPos);
          outPos = WINDOW;
        } else if (state[1] > 0) {
          // Stopped with input left and room for output: a block boundary (or a member's end).
          if (this.totalOut - this.lastOut >= this.span && this.totalOut > 0) this.addCandidate(out, outPos, chunk, inOff);
        }
        if (produced === 0 && consumed === 0 && state[0] !== 0 && state[1] > 0) {
          // the stream ended before its input (trailing bytes after the last member)
          break;
        }
      }
    }
    this.pending = [];
  }

  /** Same output through the stream API: lines are indexed, no checkpoints. */
  private async runStream(source: AsyncIterable<Buffer>, emit: Emit): Promise<void> {
    const gz = createGunzip({ chunkSize: 256 * 1024 });
    const feed = (async () => {
      for await (const chunk of source) if (!gz.write(chunk)) await new Promise((r) => gz.once("drain", r));
      gz.end();
    })();
    for await (const chunk of gz as AsyncIterable<Buffer>) {
      emit(chunk, 0, chunk.length);
      this.totalOut += chunk.length;
    }
    await feed;
  }

  private addCandidate(out: Buffer, outPos: number, chunk: Buffer, inOff: number): void {
    if (this.pending.some((p) => p.expectLen < VERIFY_BYTES)) return;
    const from = Math.max(0, outPos - WINDOW);
    const rest = chunk.subarray(inOff, Math.min(chunk.length, inOff + VERIFY_INPUT));
    this.pending.push({
      out: this.totalOut,
      in: this.totalIn,
      window: Buffer.from(out.subarray(from, outPos)),
      input: [Buffer.from(rest)],
      inputLen: rest.length,
      expect: [],
      expectLen: 0,
    });
  }

  /** A candidate near its chunk's end takes the rest of its compressed bytes from the chunks after it. */
  private feedPendingInput(chunk: Buffer): void {
    for (const p of this.pending) {
      if (p.inputLen >= VERIFY_INPUT) continue;
      const take = chunk.subarray(0, VERIFY_INPUT - p.inputLen);
      p.input.push(Buffer.from(take));
      p.inputLen += take.length;
    }
  }

  private feedPending(out: Buffer, start: number, end: number): void {
    if (this.pending.length === 0) return;
    for (const p of this.pending) {
      if (p.expectLen >= VERIFY_BYTES) continue;
      const take = out.subarray(start, Math.min(end, start + VERIFY_BYTES - p.expectLen));
      p.expect.push(Buffer.from(take));
      p.expectLen += take.length;
    }
    const ready = this.pending.filter((p) => p.expectLen >= VERIFY_BYTES);
    if (ready.length === 0) return;
    this.pending = this.pending.filter((p) => p.expectLen < VERIFY_BYTES);
    for (const p of ready) {
      if (p.out - this.lastOut < this.span) continue;
      if (startsOnByteBoundary(p)) {
        this.checkpoints.push({ out: p.out, in: p.in, window: p.window });
        this.lastOut = p.out;
      }
    }
  }
}

/** Whether inflating from the candidate's byte, primed with its window, gives the output the pass saw there. */
function startsOnByteBoundary(p: Candidate): boolean {
  const expect = Buffer.concat(p.expect).subarray(0, VERIFY_BYTES);
  try {
    const got = inflateRawSync(Buffer.concat(p.input), {
      dictionary: p.window,
      finishFlush: constants.Z_SYNC_FLUSH,
      maxOutputLength: 64 * 1024 * 1024,
    });
    return got.length >= expect.length && got.subarray(0, expect.length).equals(expect);
  } catch {
    return false;
  }
}

interface ByteSink {
  write(buf: Buffer, start: number, end: number): void;
  end(): void;
}

/** Counts a file's lines and marks every few thousand line starts, as the analysis numbers them. */
class FileTable {
  private readonly files: IndexedFile[] = [];
  private current: {
    file: IndexedFile;
    rel: number;
    lfs: number;
    lastByte: number;
    marks: number[];
    markLine: number;
    markOff: number;
    head: Buffer[];
    headLen: number;
    decided: boolean;
  } | null = null;

  constructor(
    private readonly markLines: number,
    private readonly markBytes: number,
  ) {}

  start(name: string, kind: FileKind, offset: number, size: number): void {
    this.finish();
    const file: IndexedFile = { name, kind, offset, size, text: false, lines: 0, marks: new Float64Array(0) };
    this.files.push(file);
    this.current = { file, rel: 0, lfs: 0, lastByte: -1, marks: [1, 0], markLine: 1, markOff: 0, head: [], headLen: 0, decided: false };
  }

  body(buf: Buffer, start: number, end: number): void {
    const c = this.current;
    if (!c || start >= end) return;
    if (!c.decided) {
      const take = buf.subarray(start, Math.min(end, start + SNIFF - c.headLen));
      c.head.push(Buffer.from(take));
      c.headLen += take.length;
      if (c.headLen >= SNIFF) this.decide();
    }
    if (c.decided && !c.file.text) {
      c.rel += end - start;
      return;
    }
    const base = c.rel - start;
    let p = buf.indexOf(10, start);
    while (p !== -1 && p < end) {
      c.lfs++;
      const lineStart = base + p + 1;
      const line = c.lfs + 1;
      if (line - c.markLine >= this.markLines || lineStart - c.markOff >= this.markBytes) {
        c.marks.push(line, lineStart);
        c.markLine = line;
        c.markOff = lineStart;
      }
      p = buf.indexOf(10, p + 1);
    }
    c.rel += end - start;
    c.lastByte = buf[end - 1];
  }

  private decide(): void {
    const c = this.current!;
    c.decided = true;
    c.file.text = looksLikeText(Buffer.concat(c.head));
    c.head = [];
  }

  finish(): void {
    const c = this.current;
    if (!c) return;
    if (!c.decided) this.decide();
    const { file } = c;
    if (file.text) {
      file.lines = c.lfs + (c.rel > 0 && c.lastByte !== 10 ? 1 : 0);
      // a mark on the line after the final LF names no line
      const marks = c.marks;
      while (marks.length > 2 && marks[marks.length - 1] >= c.rel) marks.length -= 2;
      file.marks = Float64Array.from(marks);
    }
    file.size = c.rel;
    this.current = null;
  }

  done(): IndexedFile[] {
    this.finish();
    return this.files;
  }
}

class SingleFile implements ByteSink {
  constructor(files: FileTable, name: string) {
    this.files = files;
    files.start(name, classifyFile(name), 0, 0);
  }
  private readonly files: FileTable;
  write(buf: Buffer, start: number, end: number): void {
    this.files.body(buf, start, end);
  }
  end(): void {
    this.files.finish();
  }
}

/**
 * Walks the tar stream with the reader's own scanner and member rules (lib/bundle/tar-scan.ts,
 * tar-member.ts), so files are named exactly as the analysis named them; only regular files become
 * entries, each with the offset of its body in the decompressed stream.
 */
class TarWalker implements ByteSink {
  private readonly tar = new TarScanner();
  /** decompressed offset of the current chunk's first byte */
  private pos = 0;
  private inFile = false;

  constructor(private readonly files: FileTable) {}

  write(buf: Buffer, start: number, end: number): void {
    const chunk = start === 0 && end === buf.length ? buf : buf.subarray(start, end);
    const tar = this.tar;
    let at = 0;
    for (let event = tar.next(chunk, at); event !== null; event = tar.next(chunk, at)) {
      at = tar.offset;
      if (event.type === "data") {
        if (this.inFile) {
          const from = event.bytes.byteOffset - chunk.byteOffset;
          this.files.body(chunk, from, from + event.bytes.length);
        }
      } else if (event.type === "entry-end") {
        if (this.inFile) this.files.finish();
        this.inFile = false;
      } else {
        const member = admitMember(event.header);
        if (member.file) {
          this.files.start(member.file.name, member.file.kind, this.pos + tar.offset, member.file.size);
          this.inFile = true;
        }
      }
    }
    this.pos += chunk.length;
  }

  end(): void {
    if (this.inFile) this.files.finish();
    this.inFile = false;
  }
}
