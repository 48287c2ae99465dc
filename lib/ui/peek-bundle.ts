// Looks inside a bundle in the browser before it is uploaded: lists tar entries (through gzip when
// needed) without holding the file in memory, so the engineer learns early what the bundle holds.
// The pure parts (tar scanning, classification, summary) work on Uint8Array chunks and are unit-tested.
import { Inflate } from "pako";
import type { FileKind } from "@/lib/bundle/bundle-file";

export type PeekFormat = "gzip" | "tar" | "text" | "unknown";

export type TarEntry = { name: string; size: number; type: "file" | "directory" | "other" };

export type PeekedFile = { name: string; size: number; kind: FileKind };

export type PeekWarning = { code: string; message: string };

export type PeekSummary = {
  fileName: string;
  fileSize: number;
  format: PeekFormat;
  host: string | null;
  /** "YYYY-MM-DD HH:MM:SS" as written in the file names (Expressway local time) */
  timestamp: string | null;
  files: PeekedFile[];
  counts: Record<FileKind, number>;
  /** true when the scan stopped before the end of the archive (limits reached) */
  partial: boolean;
  /** bytes decompressed (gzip) or read (tar/text) while peeking */
  bytesScanned: number;
  /** for a plain log: how many of the first lines look like Expressway syslog lines */
  logLines: { sampled: number; matching: number } | null;
  looksLikeExpressway: boolean;
  warnings: PeekWarning[];
};

const BLOCK = 512;
const MAX_ENTRIES = 5000;

export const PEEK_LIMITS = {
  /** stop inflating after this many decompressed bytes */
  maxDecompressed: 64 * 1024 * 1024,
  /** compressed bytes read per slice */
  sliceSize: 512 * 1024,
  /** bytes of a plain log to sample */
  textSample: 64 * 1024,
};

/** Decides the container format from the first bytes (magic numbers, not the file name). */
export function sniffFormat(head: Uint8Array): PeekFormat {
  if (head.length >= 2 && head[0] === 0x1f && head[1] === 0x8b) return "gzip";
  if (head.length >= 262 && isUstarMagic(head, 257)) return "tar";
  if (head.length >= BLOCK && looksLikeTarHeader(head.subarray(0, BLOCK))) return "tar";
  if (head.length > 0 && looksLikeText(head)) return "text";
  return "unknown";
}

function isUstarMagic(buf: Uint8Array, at: number): boolean {
  // "ustar" followed by NUL (POSIX) or space (old GNU)
  return (
    buf[at] === 0x75 && buf[at + 1] === 0x73 && buf[at + 2] === 0x74 && buf[at + 3] === 0x61 && buf[at + 4] === 0x72
  );
}

function looksLikeText(buf: Uint8Array): boolean {
  const n = Math.min(buf.length, 4096);
  let bad = 0;
  for (let i = 0; i < n; i++) {
    const c = buf[i];
    if (c === 0) return false;
    if (c < 0x09 || (c > 0x0d && c < 0x20)) bad++;
  }
  return bad <= n * 0.01;
}

/** Validates a header block by its checksum (old tar formats have no magic). */
export function looksLikeTarHeader(block: Uint8Array): boolean {
  if (block.length < BLOCK) return false;
  const stored = parseOctal(block, 148, 8);
  if (stored === null) return false;
  let sum = 0;
  for (let i = 0; i < BLOCK; i++) sum += i >= 148 && i < 156 ? 0x20 : block[i];
  return sum === stored;
}

function isZeroBlock(block: Uint8Array): boolean {
  for (let i = 0; i < BLOCK; i++) if (block[i] !== 0) return false;
  return true;
}

function parseOctal(buf: Uint8Array, at: number, len: number): number | null {
  // GNU base-256 for sizes >= 8 GiB: high bit of the first byte set
  if (buf[at] & 0x80) {
    let v = 0;
    for (let i = at + 1; i < at + len; i++) v = v * 256 + buf[i];
    return v;
  }
  let v = 0;
  let seen = false;
  for (let i = at; i < at + len; i++) {
    const c = buf[i];
    if (c === 0 || c === 0x20) {
      if (seen) break;
      continue;
    }
    if (c < 0x30 || c > 0x37) return null;
    v = v * 8 + (c - 0x30);
    seen = true;
  }
  return seen ? v : 0;
}

function readString(buf: Uint8Array, at: number, len: number): string {
  let end = at;
  while (end < at + len && buf[end] !== 0) end++;
  return new TextDecoder().decode(buf.subarray(at, end));
}

/**
 * Streaming tar header reader: push decompressed bytes in any chunking, it keeps only the header
 * being assembled and the long-name payload it needs; file data is counted and skipped.
 */
export class TarScanner {
  readonly entries: TarEntry[] = [];
  /** end-of-archive marker seen, or the stream is not tar */
  done = false;
  /** the stream stopped making sense as tar */
  corrupt = false;
  /** more entries than MAX_ENTRIES: listing truncated */
  truncated = false;
  bytesSeen = 0;

  private header = new Uint8Array(BLOCK);
  private headerFill = 0;
  private skip = 0; // data + padding bytes still to skip
  private capture: { type: "longname" | "pax"; bytes: Uint8Array; fill: number } | null = null;
  private captureSkip = 0; // padding after a captured payload
  private pendingName: string | null = null;
  private zeroBlocks = 0;

  push(chunk: Uint8Array): void {
    let i = 0;
    const n = chunk.length;
    this.bytesSeen += n;
    while (i < n && !this.done) {
      if (this.capture) {
        const take = Math.min(n - i, this.capture.bytes.length - this.capture.fill);
        this.capture.bytes.set(chunk.subarray(i, i + take), this.capture.fill);
        this.capture.fill += take;
        i += take;
        if (this.capture.fill === this.capture.bytes.length) this.finishCapture();
        continue;
      }
      if (this.skip > 0 || this.captureSkip > 0) {
        const want = this.skip > 0 ? this.skip : this.captureSkip;
        const take = Math.min(n - i, want);
        if (this.skip > 0) this.skip -= take;
        else this.captureSkip -= take;
        i += take;
        continue;
      }
      const take = Math.min(n - i, BLOCK - this.headerFill);
      this.header.set(chunk.subarray(i, i + take), this.headerFill);
      this.headerFill += take;
      i += take;
      if (this.headerFill === BLOCK) {
        this.headerFill = 0;
        this.readHeader(this.header);
      }
    }
  }

  /** What the scanner wants next: bytes to read (headers, long names) or data it would only skip. */
  need(): { mode: "read" | "skip"; bytes: number } {
    if (this.capture) return { mode: "read", bytes: this.capture.bytes.length - this.capture.fill };
    if (this.skip > 0) return { mode: "skip", bytes: this.skip };
    if (this.captureSkip > 0) return { mode: "skip", bytes: this.captureSkip };
    return { mode: "read", bytes: BLOCK - this.headerFill };
  }

  /** Advances over data bytes without having them (plain tar read by slicing). */
  skipBytes(n: number): void {
    this.bytesSeen += n;
    let left = n;
    const a = Math.min(left, this.skip);
    this.skip -= a;
    left -= a;
    const b = Math.min(left, this.captureSkip);
    this.captureSkip -= b;
  }

  private finishCapture(): void {
    const cap = this.capture!;
    this.capture = null;
    if (cap.type === "longname") {
      const nul = cap.bytes.indexOf(0);
      this.pendingName = new TextDecoder().decode(nul >= 0 ? cap.bytes.subarray(0, nul) : cap.bytes);
    } else {
      const text = new TextDecoder().decode(cap.bytes);
      const m = /(?:^|\n)\d+ path=([^\n]*)\n/.exec(text);
      if (m) this.pendingName = m[1];
    }
  }

  private readHeader(block: Uint8Array): void {
    if (isZeroBlock(block)) {
      this.zeroBlocks++;
      if (this.zeroBlocks >= 2) this.done = true;
      return;
    }
    if (this.zeroBlocks > 0) {
      // a single zero block followed by more data: tolerate (some writers pad oddly)
      this.zeroBlocks = 0;
    }
    if (!looksLikeTarHeader(block)) {
      this.corrupt = true;
      this.done = true;
      return;
    }
    const size = parseOctal(block, 124, 12) ?? 0;
    const typeflag = String.fromCharCode(block[156] || 0x30);
    const padded = Math.ceil(size / BLOCK) * BLOCK;

    if (typeflag === "L" || typeflag === "x") {
      // GNU long name / pax extended header: the payload names the next entry. Cap what we keep.
      if (size <= 64 * 1024) {
        this.capture = { type: typeflag === "L" ? "longname" : "pax", bytes: new Uint8Array(size), fill: 0 };
        this.captureSkip = padded - size;
        if (size === 0) this.finishCapture();
      } else {
        this.skip = padded;
      }
      return;
    }
    if (typeflag === "g" || typeflag === "K") {
      this.skip = padded;
      return;
    }

    let name = this.pendingName;
    this.pendingName = null;
    if (!name) {
      const base = readString(block, 0, 100);
      const ustar = isUstarMagic(block, 257);
      const prefix = ustar ? readString(block, 345, 155) : "";
      name = prefix ? `${prefix}/${base}` : base;
    }
    const type: TarEntry["type"] =
      typeflag === "0" || typeflag === "\0" || typeflag === "7" ? "file" : typeflag === "5" ? "directory" : "other";
    if (this.entries.length < MAX_ENTRIES) this.entries.push({ name, size, type });
    else this.truncated = true;
    // directories, hard links, symlinks carry no data even if a size is set
    this.skip = typeflag === "5" || typeflag === "1" || typeflag === "2" ? 0 : padded;
  }
}

/** The last path segment of a tar entry name. */
export function baseName(path: string): string {
  const trimmed = path.replace(/\/+$/, "");
  const i = trimmed.lastIndexOf("/");
  return i >= 0 ? trimmed.slice(i + 1) : trimmed;
}

/** Maps a bundle entry to the kinds the analyzer uses (same names as the server's FILE_KINDS). */
export function classifyEntry(path: string): FileKind {
  const name = baseName(path).toLowerCase();
  if (/\.pcap(ng)?$/.test(name) || name.includes("tcpdump")) return "capture";
  if (/\.(pem|crt|cer)$/.test(name)) return "certificate";
  if (name.startsWith("xconf")) return "xconf";
  if (name.startsWith("xstat")) return "xstat";
  if (name.startsWith("loggingsnapshot") || /\.log(\.\d+)?$/.test(name)) return "log";
  return "other";
}

const STAMP = /(\d{4}-\d{2}-\d{2})_(\d{2})_(\d{2})_(\d{2})/;

/**
 * Reads host and timestamp from `diagnostic_log_<host>_<YYYY-MM-DD_HH_MM_SS>` or
 * `loggingsnapshot_<host>_<stamp>.txt` (browsers may add " (1)" to downloads; tolerated).
 */
export function parseBundleName(path: string): { host: string | null; timestamp: string | null } {
  const name = baseName(path);
  const m = /^(?:diagnostic_log|loggingsnapshot|xconf_dump|xstat_dump)_(.+?)_(\d{4}-\d{2}-\d{2}_\d{2}_\d{2}_\d{2})/i.exec(name);
  if (m) return { host: m[1], timestamp: formatStamp(m[2]) };
  const s = STAMP.exec(name);
  return { host: null, timestamp: s ? formatStamp(s[0]) : null };
}

function formatStamp(stamp: string): string | null {
  const s = STAMP.exec(stamp);
  return s ? `${s[1]} ${s[2]}:${s[3]}:${s[4]}` : null;
}

/**
 * Expressway log lines start syslog-style: ISO time with offset, host, process[pid]:
 * (the pid and the colon are sometimes missing).
 */
const SYSLOG_LINE =
  /^(\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:[.,]\d+)?(?:[+-]\d{2}:?\d{2}|Z)?)\s+(\S+)\s+([A-Za-z_][\w.\-/]*)(?:\[\d+\])?:?(?:\s|$)/;

/** Samples the start of a plain log and counts lines that look like Expressway's. */
export function sniffLogText(text: string): { sampled: number; matching: number; host: string | null; expressway: boolean } {
  const lines = text.split(/\r?\n/);
  // the last line of a sample is usually cut
  if (lines.length > 1) lines.pop();
  let sampled = 0;
  let matching = 0;
  let expresswayHints = 0;
  const hosts = new Map<string, number>();
  for (const line of lines) {
    if (!line || line.startsWith("|") || line === "SIPMSG:" || line === "HTTPMSG:") continue;
    sampled++;
    const m = SYSLOG_LINE.exec(line);
    if (!m) continue;
    matching++;
    hosts.set(m[2], (hosts.get(m[2]) ?? 0) + 1);
    const proc = m[3];
    if (proc === "tvcs" || proc === "traffic_server" || /UTCTime=|Module="|Event="/.test(line)) expresswayHints++;
  }
  let host: string | null = null;
  let best = 0;
  for (const [h, c] of hosts) if (c > best) (host = h), (best = c);
  return { sampled, matching, host, expressway: matching > 0 && expresswayHints > 0 };
}

function emptyCounts(): Record<FileKind, number> {
  return { log: 0, xconf: 0, xstat: 0, capture: 0, certificate: 0, other: 0 };
}

/** Turns the list of tar entries into what the page shows, with early (non-blocking) warnings. */
export function summarizeArchive(input: {
  fileName: string;
  fileSize: number;
  format: "gzip" | "tar";
  entries: TarEntry[];
  partial: boolean;
  corrupt: boolean;
  bytesScanned: number;
  inflateError?: string | null;
}): PeekSummary {
  const files: PeekedFile[] = input.entries
    .filter((e) => e.type === "file")
    .map((e) => ({ name: e.name, size: e.size, kind: classifyEntry(e.name) }));
  const counts = emptyCounts();
  for (const f of files) counts[f.kind]++;

  const fromName = parseBundleName(input.fileName);
  const snapshot = files.find((f) => baseName(f.name).toLowerCase().startsWith("loggingsnapshot"));
  const fromSnapshot = snapshot ? parseBundleName(snapshot.name) : { host: null, timestamp: null };
  const anyStamped = files.map((f) => parseBundleName(f.name)).find((p) => p.host);

  const warnings: PeekWarning[] = [];
  const hasSnapshot = Boolean(snapshot);
  const looksLikeExpressway = hasSnapshot || counts.xconf > 0 || counts.xstat > 0;

  if (input.inflateError && /buffer error|unexpected end/i.test(input.inflateError)) {
    warnings.push({
      code: "gzip_truncated",
      message:
        "The gzip stream ends early: the file looks truncated (was the download cut off?). Download the bundle again if the analysis fails.",
    });
  } else if (input.inflateError) {
    warnings.push({
      code: "gzip_error",
      message: `The gzip stream could not be fully read (${input.inflateError}). The file may be truncated or damaged; the server will say for sure.`,
    });
  }
  if (input.corrupt) {
    warnings.push({
      code: "tar_corrupt",
      message: "Part of the archive does not look like tar. The listing below stops where it stopped making sense.",
    });
  }
  if (files.length === 0 && !input.corrupt) {
    warnings.push({ code: "empty", message: "No files were found in this archive." });
  } else if (!looksLikeExpressway) {
    warnings.push({
      code: "not_expressway",
      message:
        "This does not look like an Expressway diagnostic bundle: no loggingsnapshot, xconf_dump or xstat_dump file was found" +
        (input.partial ? " in the part that was read." : ".") +
        " You can still analyze it.",
    });
  } else if (!hasSnapshot) {
    warnings.push({
      code: "no_log",
      message: "No loggingsnapshot file was found, so log-based checks will report missing information.",
    });
  }
  if (input.format === "tar" && /\.(tgz|gz)$/i.test(input.fileName)) {
    warnings.push({ code: "not_gzip", message: "The name ends in .gz but the file is not gzip-compressed (it is a plain tar)." });
  }
  if (input.partial) {
    warnings.push({
      code: "partial",
      message: "Only the beginning of the archive was inspected in the browser; the listing may be incomplete.",
    });
  }

  return {
    fileName: input.fileName,
    fileSize: input.fileSize,
    format: input.format,
    host: fromName.host ?? fromSnapshot.host ?? anyStamped?.host ?? null,
    timestamp: fromName.timestamp ?? fromSnapshot.timestamp ?? anyStamped?.timestamp ?? null,
    files,
    counts,
    partial: input.partial,
    bytesScanned: input.bytesScanned,
    logLines: null,
    looksLikeExpressway,
    warnings,
  };
}

/** Summary for a bare loggingsnapshot / .log upload. */
export function summarizeText(input: { fileName: string; fileSize: number; sample: string; bytesScanned: number }): PeekSummary {
  const sniff = sniffLogText(input.sample);
  const fromName = parseBundleName(input.fileName);
  const warnings: PeekWarning[] = [];
  if (sniff.matching === 0) {
    warnings.push({
      code: "not_expressway",
      message:
        "No Expressway-style log lines (timestamp, host, process) were found at the start of this file. You can still analyze it.",
    });
  } else if (!sniff.expressway) {
    warnings.push({
      code: "not_expressway",
      message: "The file holds syslog-style lines, but none from Expressway's tvcs or traffic_server processes were seen at its start.",
    });
  }
  const kind = classifyEntry(input.fileName);
  const files: PeekedFile[] = [{ name: input.fileName, size: input.fileSize, kind: kind === "other" ? "log" : kind }];
  const counts = emptyCounts();
  counts[files[0].kind]++;
  return {
    fileName: input.fileName,
    fileSize: input.fileSize,
    format: "text",
    host: fromName.host ?? sniff.host,
    timestamp: fromName.timestamp,
    files,
    counts,
    partial: input.fileSize > input.bytesScanned,
    bytesScanned: input.bytesScanned,
    logLines: { sampled: sniff.sampled, matching: sniff.matching },
    looksLikeExpressway: sniff.expressway,
    warnings,
  };
}

/** Summary when the file is none of the accepted formats. */
export function summarizeUnknown(fileName: string, fileSize: number): PeekSummary {
  return {
    fileName,
    fileSize,
    format: "unknown",
    host: parseBundleName(fileName).host,
    timestamp: parseBundleName(fileName).timestamp,
    files: [],
    counts: emptyCounts(),
    partial: true,
    bytesScanned: 0,
    logLines: null,
    looksLikeExpressway: false,
    warnings: [
      {
        code: fileSize === 0 ? "empty" : "unknown_format",
        message:
          fileSize === 0
            ? "The file is empty."
            : "This file is neither gzip, tar nor text. Expressway bundles are .tar.gz files named diagnostic_log_<host>_<date>.tar.gz.",
      },
    ],
  };
}

/**
 * Inflates compressed chunks and feeds a TarScanner, stopping once the archive ends or the
 * decompressed budget is spent. Pure: give it any sequence of compressed chunks.
 */
export class GzipTarPeeker {
  readonly scanner = new TarScanner();
  decompressed = 0;
  error: string | null = null;
  private inflate = new Inflate();
  private stopped = false;

  constructor(private readonly maxDecompressed = PEEK_LIMITS.maxDecompressed) {
    this.inflate.onData = (chunk: Uint8Array) => {
      if (this.stopped) return;
      this.decompressed += chunk.length;
      this.scanner.push(chunk);
      if (this.scanner.done || this.decompressed >= this.maxDecompressed) this.stopped = true;
    };
    // keep nothing: the default onEnd would join every chunk
    this.inflate.onEnd = () => {};
  }

  /** true when no more input is needed */
  get finished(): boolean {
    return this.stopped || this.inflate.ended || this.error !== null;
  }

  /** the archive was not read to its end */
  get partial(): boolean {
    return this.scanner.truncated || (!this.scanner.done && !this.inflate.ended && this.error === null);
  }

  push(compressed: Uint8Array, last = false): void {
    if (this.finished) return;
    const ok = this.inflate.push(compressed, last);
    if (!ok && this.inflate.err) this.error = this.inflate.msg || `zlib error ${this.inflate.err}`;
  }
}

async function readSlice(file: Blob, start: number, end: number): Promise<Uint8Array> {
  return new Uint8Array(await file.slice(start, end).arrayBuffer());
}

/** Reads only tar headers from a plain tar by slicing the file: data is jumped over, never read. */
async function peekPlainTar(file: Blob, signal?: AbortSignal): Promise<{ scanner: TarScanner; scanned: number }> {
  const scanner = new TarScanner();
  let offset = 0;
  let scanned = 0;
  while (offset < file.size && !scanner.done) {
    if (signal?.aborted) break;
    const need = scanner.need();
    if (need.mode === "skip") {
      const n = Math.min(need.bytes, file.size - offset);
      scanner.skipBytes(n);
      offset += n;
      continue;
    }
    const end = Math.min(file.size, offset + need.bytes);
    const chunk = await readSlice(file, offset, end);
    scanned += chunk.length;
    scanner.push(chunk);
    offset = end;
  }
  return { scanner, scanned };
}

/** Peeks into a file chosen in the browser. Never reads more than the limits allow. */
export async function peekFile(file: File, opts: { signal?: AbortSignal; limits?: Partial<typeof PEEK_LIMITS> } = {}): Promise<PeekSummary> {
  const limits = { ...PEEK_LIMITS, ...opts.limits };
  if (file.size === 0) return summarizeUnknown(file.name, 0);
  const head = await readSlice(file, 0, Math.min(file.size, limits.textSample));
  const format = sniffFormat(head);

  if (format === "gzip") {
    const peeker = new GzipTarPeeker(limits.maxDecompressed);
    let offset = 0;
    let first: Uint8Array | null = null;
    while (offset < file.size && !peeker.finished) {
      if (opts.signal?.aborted) break;
      const end = Math.min(file.size, offset + limits.sliceSize);
      const chunk = await readSlice(file, offset, end);
      if (!first) first = chunk;
      offset = end;
      peeker.push(chunk, offset >= file.size);
      // let the page breathe between slices
      await new Promise((r) => setTimeout(r, 0));
    }
    // a gzip that is not a tar (e.g. a gzipped log): the scanner reports corrupt on its first block
    if (peeker.scanner.corrupt && peeker.scanner.entries.length === 0) {
      return summarizeGzippedText(file, limits);
    }
    return summarizeArchive({
      fileName: file.name,
      fileSize: file.size,
      format: "gzip",
      entries: peeker.scanner.entries,
      partial: peeker.partial && !peeker.scanner.corrupt,
      corrupt: peeker.scanner.corrupt,
      bytesScanned: peeker.decompressed,
      inflateError: peeker.error,
    });
  }

  if (format === "tar") {
    const { scanner, scanned } = await peekPlainTar(file, opts.signal);
    return summarizeArchive({
      fileName: file.name,
      fileSize: file.size,
      format: "tar",
      entries: scanner.entries,
      partial: scanner.truncated,
      corrupt: scanner.corrupt,
      bytesScanned: scanned,
    });
  }

  if (format === "text") {
    const sample = new TextDecoder().decode(head);
    return summarizeText({ fileName: file.name, fileSize: file.size, sample, bytesScanned: head.length });
  }

  return summarizeUnknown(file.name, file.size);
}

/** A gzip that holds text rather than tar: sample its first decompressed bytes as a log. */
async function summarizeGzippedText(file: File, limits: typeof PEEK_LIMITS): Promise<PeekSummary> {
  const inflate = new Inflate();
  const parts: Uint8Array[] = [];
  let got = 0;
  inflate.onData = (c: Uint8Array) => {
    if (got < limits.textSample) {
      parts.push(c);
      got += c.length;
    }
  };
  inflate.onEnd = () => {};
  let offset = 0;
  while (offset < file.size && got < limits.textSample && !inflate.ended) {
    const end = Math.min(file.size, offset + 64 * 1024);
    inflate.push(await readSlice(file, offset, end), end >= file.size);
    offset = end;
    if (inflate.err) break;
  }
  const buf = new Uint8Array(Math.min(got, limits.textSample));
  let at = 0;
  for (const p of parts) {
    const take = Math.min(p.length, buf.length - at);
    buf.set(p.subarray(0, take), at);
    at += take;
    if (at >= buf.length) break;
  }
  if (!looksLikeText(buf)) {
    const s = summarizeUnknown(file.name, file.size);
    s.format = "gzip";
    s.warnings = [{ code: "not_tar", message: "The file is gzip-compressed but holds neither a tar archive nor a text log." }];
    return s;
  }
  const s = summarizeText({ fileName: file.name, fileSize: file.size, sample: new TextDecoder().decode(buf), bytesScanned: buf.length });
  s.format = "gzip";
  s.partial = true;
  return s;
}
