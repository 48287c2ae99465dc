// Reads an uploaded bundle in one streaming pass: gzip/tar/text detection by magic bytes,
// resource limits, and a visitor that sees every text line. Nothing is written to disk and
// no file is held in memory; only the current line (capped) is. The tar framing, the member
// names and kinds come from the browser-safe model (tar-scan, tar-member), which the upload
// page's peek runs too.
import { Readable, pipeline } from "node:stream";
import { createGunzip } from "node:zlib";
import type { BundleFile, FileKind } from "@/lib/bundle/bundle-file";
import { BundleError } from "@/lib/bundle/bundle-error";
import { TEXT_SNIFF_BYTES, isGzip, looksLikeTar, looksLikeText } from "@/lib/bundle/detect-format";
import { isTextKind, textUploadFile } from "@/lib/bundle/file-kind";
import { type Limits, formatBytes, formatLimit, looksLikeBomb, resolveLimits } from "@/lib/bundle/limits";
import { LineSplitter, type LongLineHandler } from "@/lib/bundle/line-splitter";
import { Notes } from "@/lib/bundle/notes";
import { PeekableSource } from "@/lib/bundle/peekable-source";
import { type ReadRefusal, refusals } from "@/lib/bundle/read-refusals";
import { TarHeaderError } from "@/lib/bundle/tar-header";
import { admitMember } from "@/lib/bundle/tar-member";
import { TarScanner } from "@/lib/bundle/tar-scan";

export type BundleEntry = { name: string; size: number; kind: FileKind };

export type BundleVisitor = {
  /**
   * Return false to drain the file unread, true to read its lines through onLine, "bytes" to get
   * its raw chunks (captures, certificates) through onBytes, or a LineFeedSource to split the
   * lines itself (e.g. on another thread). Default: log/xconf/xstat are read.
   */
  onFileStart?(file: BundleEntry): boolean | "bytes" | LineFeedSource | void;
  onLine?(file: BundleEntry, line: string, lineNo: number): void;
  /** Raw chunks of a file whose onFileStart returned "bytes", in order; never retained by the reader. */
  onBytes?(file: BundleEntry, chunk: Buffer): void;
  onFileEnd?(file: BundleEntry, lineCount: number): void;
};

/** A file's bytes for a visitor that splits lines itself; its promises give backpressure. */
export interface LineFeed {
  push(chunk: Buffer): void | Promise<void>;
  /** The file ended: resolves once every line was handled, to the number of lines. */
  end(): number | Promise<number>;
}

export interface LineFeedSource {
  lineFeed(maxLineBytes: number, onLongLine: LongLineHandler): LineFeed;
}

export type BundleFormat = "tar.gz" | "tar" | "text.gz" | "text";

export type BundleReadResult = {
  format: BundleFormat;
  files: BundleFile[];
  notes: string[];
  lineCount: number;
  compressedBytes: number;
  decompressedBytes: number;
  /** set when the archive ended early but some of it was read: the results cover that part */
  partial?: BundlePartial;
};

export type BundlePartial = {
  reason: string;
  /** bytes of the upload read when reading stopped */
  uploadOffset: number;
  /** bytes of the archive (decompressed) read when reading stopped */
  archiveOffset: number;
};

export type ReadBundleOptions = {
  limits?: Partial<Limits>;
  visitor?: BundleVisitor;
  signal?: AbortSignal;
};

export type BundleInput = AsyncIterable<Buffer | Uint8Array | string> | NodeJS.ReadableStream;

type Counters = { compressed: number; decompressed: number };

type ReadState = {
  limits: Limits;
  visitor: BundleVisitor;
  notes: Notes;
  files: BundleFile[];
  lineCount: number;
};

export async function readBundle(input: BundleInput, fileName: string, options: ReadBundleOptions = {}): Promise<BundleReadResult> {
  const limits = resolveLimits(options.limits);
  const counters: Counters = { compressed: 0, decompressed: 0 };
  const state: ReadState = { limits, visitor: options.visitor ?? {}, notes: new Notes(limits.maxNotes), files: [], lineCount: 0 };

  const raw = new PeekableSource(countRaw(input, counters, options.signal));
  const rawHead = await raw.peek(TEXT_SNIFF_BYTES);
  if (rawHead.length === 0) {
    await raw.close();
    throw new BundleError("empty_file", "The uploaded file is empty.");
  }

  const box: { format: BundleFormat } = { format: isGzip(rawHead) ? "tar.gz" : "tar" };
  let partial: BundlePartial | undefined;
  try {
    await readContent(raw, rawHead, fileName, state, counters, box);
  } catch (err) {
    // A cut-off upload still holds what came before the cut: results for that, marked partial,
    // unless nothing at all could be read.
    if (!(err instanceof BundleError) || err.code !== "truncated" || state.lineCount === 0) throw err;
    partial = { reason: err.message, uploadOffset: counters.compressed, archiveOffset: counters.decompressed };
    state.notes.add(
      `The bundle is truncated: reading stopped at byte ${counters.decompressed.toLocaleString("en-US")} of the archive (${formatBytes(counters.compressed)} of the upload). The results cover what was read before that point; download the bundle again for the rest.`,
    );
  }

  return {
    format: box.format,
    files: state.files,
    notes: state.notes.list(),
    lineCount: state.lineCount,
    compressedBytes: counters.compressed,
    decompressedBytes: counters.decompressed,
    ...(partial ? { partial } : {}),
  };
}

/** Reads the upload as what its first bytes say it is; `box.format` is set as soon as that is known. */
async function readContent(raw: PeekableSource, rawHead: Buffer, fileName: string, state: ReadState, counters: Counters, box: { format: BundleFormat }): Promise<void> {
  const { limits } = state;
  if (isGzip(rawHead)) {
    const content = new PeekableSource(meter(gunzip(raw), counters, limits, true));
    const head = await content.peek(TEXT_SNIFF_BYTES);
    if (head.length === 0) {
      await content.close();
      throw refused(refusals.emptyGzip());
    }
    if (looksLikeTar(head)) {
      box.format = "tar.gz";
      await readTar(content, state);
    } else if (looksLikeText(head)) {
      box.format = "text.gz";
      await readSingleText(content, textUploadFile(fileName, true), state);
    } else {
      await content.close();
      throw refused(refusals.gzipHoldsNeither());
    }
  } else {
    const content = new PeekableSource(meter(raw, counters, limits, false));
    if (looksLikeTar(rawHead)) {
      box.format = "tar";
      await readTar(content, state);
    } else if (looksLikeText(rawHead)) {
      box.format = "text";
      await readSingleText(content, textUploadFile(fileName, false), state);
    } else {
      await content.close();
      throw refused(refusals.notABundle(rawHead));
    }
  }

}

function refused(refusal: ReadRefusal, cause?: unknown): BundleError {
  return new BundleError(refusal.code, refusal.message, cause === undefined ? undefined : { cause });
}

async function* countRaw(input: BundleInput, counters: Counters, signal: AbortSignal | undefined): AsyncGenerator<Buffer> {
  throwIfAborted(signal);
  for await (const chunk of input as AsyncIterable<Buffer | Uint8Array | string>) {
    throwIfAborted(signal);
    const buf = typeof chunk === "string" ? Buffer.from(chunk) : Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength);
    counters.compressed += buf.length;
    yield buf;
  }
}

function throwIfAborted(signal: AbortSignal | undefined): void {
  if (signal?.aborted) throw new BundleError("aborted", "The analysis was cancelled.");
}

async function* meter(source: AsyncIterable<Buffer>, counters: Counters, limits: Limits, compressed: boolean): AsyncGenerator<Buffer> {
  for await (const chunk of source) {
    counters.decompressed += chunk.length;
    if (counters.decompressed > limits.maxDecompressedBytes) {
      throw new BundleError(
        "too_large",
        `The bundle is larger than ${formatLimit(limits.maxDecompressedBytes)} once decompressed; it was not analysed. Collect a shorter logging period.`,
      );
    }
    if (compressed && looksLikeBomb(counters.decompressed, counters.compressed, limits)) {
      throw refused(refusals.bomb(limits.bombMaxRatio, counters.compressed, counters.decompressed));
    }
    yield chunk;
  }
}

async function* gunzip(source: AsyncIterable<Buffer>): AsyncGenerator<Buffer> {
  // Large output chunks: zlib's per-chunk overhead dominates at the 16 KiB default (~2x slower).
  const gz = createGunzip({ chunkSize: 256 * 1024 });
  // Errors from either side surface through the queue below (pipeline destroys gz).
  pipeline(Readable.from(source), gz, () => {});
  // Read through events, not the stream's async iterator: on a truncated file zlib emits what it
  // could decompress and then the error in the same tick, and the iterator would drop that output.
  const queue: Buffer[] = [];
  let failure: unknown = null;
  let ended = false;
  let wake: (() => void) | null = null;
  const poke = () => {
    const w = wake;
    wake = null;
    w?.();
  };
  gz.on("data", (chunk: Buffer) => {
    queue.push(chunk);
    if (queue.length >= 4) gz.pause();
    poke();
  });
  gz.on("error", (err) => {
    failure = err;
    poke();
  });
  gz.on("end", () => {
    ended = true;
    poke();
  });
  try {
    for (;;) {
      while (queue.length > 0) {
        const chunk = queue.shift()!;
        if (queue.length < 2 && failure === null && !ended) gz.resume();
        yield chunk;
      }
      if (failure !== null) throw mapGzipError(failure);
      if (ended) return;
      await new Promise<void>((resolve) => (wake = resolve));
    }
  } finally {
    if (!ended) gz.destroy();
  }
}

function mapGzipError(err: unknown): unknown {
  if (err instanceof BundleError) return err;
  const e = err as NodeJS.ErrnoException;
  if (e?.code === "Z_BUF_ERROR" || /unexpected end of file/i.test(String(e?.message))) {
    return refused(refusals.gzipTruncated(), err);
  }
  if (typeof e?.code === "string" && e.code.startsWith("Z_")) {
    return refused(refusals.gzipCorrupt(e.message), err);
  }
  return err;
}

async function readTar(source: PeekableSource, state: ReadState): Promise<void> {
  const tar = new TarScanner();
  let body: FileBody | null = null;
  try {
    for await (const chunk of source) {
      // After the end-of-archive marker the rest is still drained: the gzip trailer is checked
      // and the limits keep applying.
      let at = 0;
      for (let event = tar.next(chunk, at); event !== null; event = tar.next(chunk, at)) {
        at = tar.offset;
        if (event.type === "data") {
          if (body) {
            const wait = body.push(event.bytes as Buffer);
            if (wait) await wait;
          }
        } else if (event.type === "entry-end") {
          const ended = body;
          body = null;
          if (ended) await ended.end();
        } else {
          if (tar.entries > state.limits.maxEntries) {
            throw refused(refusals.tooManyEntries(state.limits.maxEntries));
          }
          const member = admitMember(event.header);
          if (member.file) {
            state.files.push(member.file);
            body = openFile({ ...member.file }, state);
          } else if (member.note) {
            state.notes.add(member.note);
          }
        }
      }
    }
  } catch (err) {
    if (err instanceof TarHeaderError) {
      throw refused(refusals.tarCorrupt(), err);
    }
    // The archive broke off inside a file: what was read of it still counts (a truncated bundle
    // gives results for its readable part), then the error goes on.
    if (body && isTruncation(err)) await endQuietly(body);
    throw err;
  }
  if (tar.midEntry) {
    if (body) await endQuietly(body);
    throw refused(refusals.tarTruncated());
  }
}

function isTruncation(err: unknown): boolean {
  return err instanceof BundleError && err.code === "truncated";
}

/** Ends a file cut short; if that fails too, the error that cut it says why. */
async function endQuietly(body: FileBody): Promise<void> {
  try {
    await body.end();
  } catch {
    // ignored: the caller rethrows the cause
  }
}

async function readSingleText(source: AsyncIterable<Buffer>, named: { name: string; kind: FileKind }, state: ReadState): Promise<void> {
  const record: BundleFile = { name: named.name, size: 0, kind: named.kind };
  state.files.push(record);
  const file: BundleEntry = { ...record };
  const body = openFile(file, state);
  let size = 0;
  try {
    for await (const chunk of source) {
      size += chunk.length;
      file.size = size;
      const wait = body.push(chunk);
      if (wait) await wait;
    }
  } catch (err) {
    record.size = size;
    if (isTruncation(err)) await endQuietly(body);
    throw err;
  }
  record.size = size;
  await body.end();
}

/** Where one file's bytes go, as the visitor asked in onFileStart; push's promise is backpressure. */
type FileBody = { push(chunk: Buffer): void | Promise<void>; end(): Promise<void> };

function openFile(file: BundleEntry, state: ReadState): FileBody {
  const { visitor, limits } = state;
  const wanted = visitor.onFileStart?.(file);
  const ended = async () => visitor.onFileEnd?.(file, 0);
  if (wanted === "bytes" && visitor.onBytes) {
    const onBytes = visitor.onBytes.bind(visitor);
    return { push: (chunk) => onBytes(file, chunk), end: ended };
  }
  const onLongLine = (lineNo: number, bytes: number) =>
    state.notes.add(`${file.name} line ${lineNo}: a ${formatBytes(bytes)} line was skipped (over the ${formatLimit(limits.maxLineBytes)} limit)`);
  let feed: LineFeed;
  if (typeof wanted === "object") {
    feed = wanted.lineFeed(limits.maxLineBytes, onLongLine);
  } else {
    const read = wanted === undefined ? isTextKind(file.kind) : wanted === true;
    // captures and other binaries are dropped as they pass, never held in memory
    if (!read || !visitor.onLine) return { push() {}, end: ended };
    const onLine = visitor.onLine.bind(visitor);
    const splitter = new LineSplitter(limits.maxLineBytes, (line, lineNo) => onLine(file, line, lineNo), onLongLine);
    feed = { push: (chunk) => splitter.push(chunk), end: () => (splitter.end(), splitter.lines) };
  }
  return {
    push: (chunk) => feed.push(chunk),
    async end() {
      const lines = await feed.end();
      state.lineCount += lines;
      visitor.onFileEnd?.(file, lines);
    },
  };
}
