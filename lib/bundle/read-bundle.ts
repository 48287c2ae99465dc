// Reads an uploaded bundle in one streaming pass: gzip/tar/text detection by magic bytes,
// resource limits, and a visitor that sees every text line. Nothing is written to disk and
// no file is held in memory; only the current line (capped) is.
import { Readable, pipeline } from "node:stream";
import { createGunzip } from "node:zlib";
import * as tar from "tar-stream";
import type { BundleFile, FileKind } from "@/lib/bundle/bundle-file";
import { BundleError } from "@/lib/bundle/bundle-error";
import { TEXT_SNIFF_BYTES, describeBinary, isGzip, looksLikeTar, looksLikeText } from "@/lib/bundle/detect-format";
import { safeEntryName } from "@/lib/bundle/entry-name";
import { baseName, classifyFile, isTextKind } from "@/lib/bundle/file-kind";
import { type Limits, formatBytes, formatLimit, resolveLimits } from "@/lib/bundle/limits";
import { LineSplitter, type LongLineHandler } from "@/lib/bundle/line-splitter";
import { Notes, quoteName } from "@/lib/bundle/notes";
import { PeekableSource } from "@/lib/bundle/peekable-source";

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

  let format: BundleFormat;
  if (isGzip(rawHead)) {
    const content = new PeekableSource(meter(gunzip(raw), counters, limits, true));
    const head = await content.peek(TEXT_SNIFF_BYTES);
    if (head.length === 0) {
      await content.close();
      throw new BundleError("empty_file", "The file is gzip-compressed but decompresses to nothing.");
    }
    if (looksLikeTar(head)) {
      format = "tar.gz";
      await readTar(content, state);
    } else if (looksLikeText(head)) {
      format = "text.gz";
      await readSingleText(content, textName(fileName.replace(/\.gz$/i, "")), state);
    } else {
      await content.close();
      throw new BundleError(
        "unsupported_format",
        "The file is gzip-compressed, but what it contains is neither a tar archive nor a text log. Upload the diagnostic log bundle (.tar.gz) as downloaded from the Expressway.",
      );
    }
  } else {
    const content = new PeekableSource(meter(raw, counters, limits, false));
    if (looksLikeTar(rawHead)) {
      format = "tar";
      await readTar(content, state);
    } else if (looksLikeText(rawHead)) {
      format = "text";
      await readSingleText(content, textName(fileName), state);
    } else {
      await content.close();
      const what = describeBinary(rawHead);
      throw new BundleError(
        "unsupported_format",
        `${what ? `This looks like ${what}, not` : "This is not"} an Expressway diagnostic bundle. Upload the .tar.gz file from Maintenance > Diagnostics > Diagnostic logging > Download log, or a single loggingsnapshot .txt file.`,
      );
    }
  }

  return {
    format,
    files: state.files,
    notes: state.notes.list(),
    lineCount: state.lineCount,
    compressedBytes: counters.compressed,
    decompressedBytes: counters.decompressed,
  };
}

/** A bare upload is named after the upload; anything not obviously a dump counts as a log. */
function textName(fileName: string): BundleEntry {
  const name = baseName(fileName) || "upload.txt";
  const kind = classifyFile(name);
  return { name, size: 0, kind: isTextKind(kind) ? kind : "log" };
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
    if (
      compressed &&
      counters.decompressed > limits.bombMinDecompressedBytes &&
      counters.decompressed > limits.bombMaxRatio * counters.compressed
    ) {
      throw new BundleError(
        "decompression_bomb",
        `The file expands more than ${limits.bombMaxRatio} times (${formatBytes(counters.compressed)} became over ${formatBytes(counters.decompressed)}); real diagnostic logs do not compress like that, so reading was stopped.`,
      );
    }
    yield chunk;
  }
}

async function* gunzip(source: AsyncIterable<Buffer>): AsyncGenerator<Buffer> {
  // Large output chunks: zlib's per-chunk overhead dominates at the 16 KiB default (~2x slower).
  const gz = createGunzip({ chunkSize: 256 * 1024 });
  // Errors from either side surface through the iteration below (pipeline destroys gz).
  pipeline(Readable.from(source), gz, () => {});
  try {
    for await (const chunk of gz) yield chunk as Buffer;
  } catch (err) {
    throw mapGzipError(err);
  }
}

function mapGzipError(err: unknown): unknown {
  if (err instanceof BundleError) return err;
  const e = err as NodeJS.ErrnoException;
  if (e?.code === "Z_BUF_ERROR" || /unexpected end of file/i.test(String(e?.message))) {
    return new BundleError("truncated", "The gzip data ends early: the file is truncated (the upload or download was cut off). Download the bundle again.", { cause: err });
  }
  if (typeof e?.code === "string" && e.code.startsWith("Z_")) {
    return new BundleError("corrupt", `The gzip data is corrupt (${e.message}). Download the bundle again.`, { cause: err });
  }
  return err;
}

function mapTarError(err: unknown): unknown {
  if (err instanceof BundleError) return err;
  const msg = String((err as Error)?.message ?? err);
  if (/unexpected end of data/i.test(msg)) {
    return new BundleError("truncated", "The tar archive ends in the middle of a file: the bundle is truncated (the upload or download was cut off). Download the bundle again.", { cause: err });
  }
  if (/invalid (tar )?header|header exceeds max size/i.test(msg)) {
    return new BundleError("corrupt", "The tar archive is corrupt (an entry header is invalid). Download the bundle again.", { cause: err });
  }
  return err;
}

async function readTar(source: PeekableSource, state: ReadState): Promise<void> {
  // allowUnknownFormat: old v7 tars have no ustar magic; detection already checked the checksum.
  const extract = tar.extract({ allowUnknownFormat: true } as Parameters<typeof tar.extract>[0]);
  let stopped = false;
  let feedError: unknown = null;

  // The feeder runs beside the entry loop: tar-stream only advances while entries are consumed.
  const feed = (async () => {
    try {
      for await (const chunk of source) {
        if (stopped) break;
        if (!extract.write(chunk)) await drained(extract);
        if (stopped) break;
      }
      if (!stopped) extract.end(undefined);
    } catch (err) {
      feedError = err;
      extract.destroy(err as Error);
    }
  })();

  let entries = 0;
  try {
    for await (const entry of extract) {
      entries++;
      if (entries > state.limits.maxEntries) {
        throw new BundleError("too_many_entries", `The archive has more than ${state.limits.maxEntries} entries; an Expressway bundle has a handful. It was not analysed.`);
      }
      await readEntry(entry as unknown as TarEntry, state);
    }
  } catch (err) {
    stopped = true;
    extract.destroy(undefined);
    await feed;
    throw mapTarError(feedError ?? err);
  }
  stopped = true;
  await feed;
  if (feedError) throw mapTarError(feedError);
}

function drained(stream: NodeJS.EventEmitter & { destroyed?: boolean }): Promise<void> {
  if (stream.destroyed) return Promise.resolve();
  return new Promise((resolve) => {
    const done = () => {
      stream.off("drain", done);
      stream.off("close", done);
      stream.off("error", done);
      resolve();
    };
    stream.on("drain", done);
    stream.on("close", done);
    stream.on("error", done);
  });
}

type TarEntry = AsyncIterable<Buffer> & { header: tar.Header };

const SKIPPED_TYPES: Record<string, string> = {
  symlink: "symbolic link",
  link: "hard link",
  "character-device": "character device",
  "block-device": "block device",
  fifo: "FIFO",
};

async function readEntry(entry: TarEntry, state: ReadState): Promise<void> {
  const h = entry.header;
  const type = h.type ?? "file";
  if (type === "directory") return drain(entry);
  if (type !== "file" && type !== "contiguous-file") {
    state.notes.add(`${SKIPPED_TYPES[type] ?? `entry of type ${type}`} skipped: ${quoteName(h.name)} (only regular files are read)`);
    return drain(entry);
  }
  const name = safeEntryName(h.name);
  if (name === null) {
    state.notes.add(`unsafe entry name skipped: ${quoteName(h.name)}`);
    return drain(entry);
  }
  const file: BundleEntry = { name, size: h.size ?? 0, kind: classifyFile(name) };
  state.files.push({ name: file.name, size: file.size, kind: file.kind });
  await readFileBody(entry, file, state);
}

async function readSingleText(source: AsyncIterable<Buffer>, file: BundleEntry, state: ReadState): Promise<void> {
  const record: BundleFile = { name: file.name, size: 0, kind: file.kind };
  state.files.push(record);
  let size = 0;
  async function* sized(): AsyncGenerator<Buffer> {
    for await (const chunk of source) {
      size += chunk.length;
      yield chunk;
    }
  }
  await readFileBody(sized(), file, state);
  record.size = size;
  file.size = size;
}

async function readFileBody(body: AsyncIterable<Buffer>, file: BundleEntry, state: ReadState): Promise<void> {
  const { visitor, limits } = state;
  const wanted = visitor.onFileStart?.(file);
  if (wanted === "bytes" && visitor.onBytes) {
    const onBytes = visitor.onBytes.bind(visitor);
    for await (const chunk of body) onBytes(file, chunk);
    visitor.onFileEnd?.(file, 0);
    return;
  }
  const onLongLine = (lineNo: number, bytes: number) =>
    state.notes.add(`${file.name} line ${lineNo}: a ${formatBytes(bytes)} line was skipped (over the ${formatLimit(limits.maxLineBytes)} limit)`);
  let feed: LineFeed;
  if (typeof wanted === "object") {
    feed = wanted.lineFeed(limits.maxLineBytes, onLongLine);
  } else {
    const read = wanted === undefined ? isTextKind(file.kind) : wanted === true;
    if (!read || !visitor.onLine) {
      await drain(body);
      visitor.onFileEnd?.(file, 0);
      return;
    }
    const onLine = visitor.onLine.bind(visitor);
    const splitter = new LineSplitter(limits.maxLineBytes, (line, lineNo) => onLine(file, line, lineNo), onLongLine);
    feed = { push: (chunk) => splitter.push(chunk), end: () => (splitter.end(), splitter.lines) };
  }
  for await (const chunk of body) {
    const wait = feed.push(chunk);
    if (wait) await wait;
  }
  const lines = await feed.end();
  state.lineCount += lines;
  visitor.onFileEnd?.(file, lines);
}

async function drain(body: AsyncIterable<Buffer>): Promise<void> {
  // eslint-disable-next-line @typescript-eslint/no-unused-vars
  for await (const _ of body) {
    /* discard: captures and other binaries are never held in memory */
  }
}
