// Looks inside a bundle in the browser before it is uploaded: lists its files (through gzip when
// needed) without holding the file in memory, so the engineer learns early what the bundle holds
// and whether the server will take it. What a bundle is (format, tar framing, member names, kinds,
// refusals) is the server's own code in lib/bundle; this module only reads the File in slices and
// inflates within a budget.
import { Inflate } from "pako";
import type { BundleFile, FileKind } from "@/lib/bundle/bundle-file";
import { parseBundleName } from "@/lib/bundle/bundle-name";
import { TEXT_SNIFF_BYTES, detectContent, isGzip } from "@/lib/bundle/detect-format";
import { baseName, hasReadableFiles, textUploadFile } from "@/lib/bundle/file-kind";
import { DEFAULT_LIMITS, looksLikeBomb } from "@/lib/bundle/limits";
import { type ReadRefusal, refusals } from "@/lib/bundle/read-refusals";
import { TarHeaderError } from "@/lib/bundle/tar-header";
import { admitMember } from "@/lib/bundle/tar-member";
import { TarScanner } from "@/lib/bundle/tar-scan";
import { refusalByContent, refusalByName } from "@/lib/bundle/upload-verdict";

export type PeekFormat = "gzip" | "tar" | "text" | "unknown";

export type PeekedFile = BundleFile;

export type PeekWarning = { code: string; message: string };

/** Why the server will not analyse the file: it refuses the upload, or the analysis fails with this code. */
export type PeekRefusal = { code: string; message: string };

export type PeekSummary = {
  fileName: string;
  fileSize: number;
  format: PeekFormat;
  host: string | null;
  /** "YYYY-MM-DD HH:MM:SS" as written in the file names (Expressway local time) */
  timestamp: string | null;
  files: PeekedFile[];
  counts: Record<FileKind, number>;
  /** true when the scan stopped before the end of the file (budget reached) */
  partial: boolean;
  /** bytes decompressed (gzip) or read (tar/text) while peeking */
  bytesScanned: number;
  /** for a plain log: how many of the first lines look like Expressway syslog lines */
  logLines: { sampled: number; matching: number } | null;
  looksLikeExpressway: boolean;
  /** as far as the browser read: null when the server will take and read the file */
  refusal: PeekRefusal | null;
  /** early, non-blocking remarks */
  warnings: PeekWarning[];
};

export const PEEK_LIMITS = {
  /**
   * Stop inflating after this many decompressed bytes: just past the point where the server's
   * bomb guard starts judging the ratio, so the peek can tell a gzip bomb too.
   */
  maxDecompressed: DEFAULT_LIMITS.bombMinDecompressedBytes + 4 * 1024 * 1024,
  /** compressed bytes read per slice */
  sliceSize: 512 * 1024,
  /** bytes of a plain log to sample: what the server's reader sniffs */
  textSample: TEXT_SNIFF_BYTES,
  /** the server's entry limit */
  maxEntries: DEFAULT_LIMITS.maxEntries,
};

export type PeekLimits = typeof PEEK_LIMITS;

/**
 * Tar bytes in, the bundle's file list out: the server's scanner and member decision, data
 * skipped. Stops at the end of the archive or at the first refusal.
 */
export class TarListing {
  readonly scanner = new TarScanner();
  readonly files: BundleFile[] = [];
  refusal: ReadRefusal | null = null;

  constructor(private readonly maxEntries = PEEK_LIMITS.maxEntries) {}

  get stopped(): boolean {
    return this.scanner.done || this.refusal !== null;
  }

  push(chunk: Uint8Array): void {
    let at = 0;
    try {
      for (let event = this.scanner.next(chunk, at); event !== null && !this.refusal; event = this.scanner.next(chunk, at)) {
        at = this.scanner.offset;
        if (event.type !== "entry") continue;
        if (this.scanner.entries > this.maxEntries) {
          this.refusal = refusals.tooManyEntries(this.maxEntries);
          break;
        }
        const member = admitMember(event.header);
        if (member.file) this.files.push(member.file);
      }
    } catch (err) {
      if (!(err instanceof TarHeaderError)) throw err;
      this.refusal = refusals.tarCorrupt();
    }
  }

  /** The input ended here: a member cut short is the server's "truncated". */
  end(): void {
    if (!this.refusal && this.scanner.midEntry) this.refusal = refusals.tarTruncated();
  }
}

/**
 * Inflates compressed slices within a budget, decides what the content is from its first bytes
 * as the server does, and lists a tar or keeps a text sample. Pure: give it compressed chunks.
 */
export class GzipPeeker {
  content: "tar" | "text" | null = null;
  readonly listing: TarListing;
  decompressed = 0;
  compressed = 0;
  /** the first decompressed bytes (the text sample, or what decided the format) */
  head: Uint8Array = new Uint8Array(0);
  refusal: ReadRefusal | null = null;
  private readonly inflate = new Inflate({ chunkSize: 64 * 1024 });
  private readonly headParts: Uint8Array[] = [];
  private headBytes = 0;
  private decided = false;
  private stopped = false;

  constructor(private readonly limits: PeekLimits = PEEK_LIMITS) {
    this.listing = new TarListing(limits.maxEntries);
    this.inflate.onData = (chunk: Uint8Array) => this.onData(chunk);
    // keep nothing: the default onEnd would join every chunk
    this.inflate.onEnd = () => {};
  }

  /** true when no more input is needed */
  get finished(): boolean {
    return this.stopped || this.refusal !== null || this.inflate.ended || this.listing.stopped;
  }

  /** the content was not read to its end */
  get partial(): boolean {
    return this.refusal === null && this.listing.refusal === null && !this.listing.scanner.done && !this.inflate.ended;
  }

  push(compressed: Uint8Array, last = false): void {
    // Small pieces, so the bomb guard sees compressed bytes arrive about as the server's reader does.
    for (let at = 0; at < compressed.length && !this.finished; at += INFLATE_PIECE) {
      const piece = compressed.subarray(at, at + INFLATE_PIECE);
      this.compressed += piece.length;
      this.inflate.push(piece, last && at + INFLATE_PIECE >= compressed.length);
      if (this.inflate.err && !this.refusal) {
        const msg = this.inflate.msg || `zlib error ${this.inflate.err}`;
        // pako's "buffer error" is zlib's Z_BUF_ERROR: the stream stopped before its end
        const truncated = /buffer error|unexpected end/i.test(msg);
        // as the server does: what was inflated before the cut is still looked at
        if (truncated && !this.decided) this.decide();
        this.refusal = truncated ? refusals.gzipTruncated() : refusals.gzipCorrupt(msg);
      }
    }
    if (this.inflate.ended || last) this.endContent();
  }

  private onData(chunk: Uint8Array): void {
    if (this.stopped) return;
    this.decompressed += chunk.length;
    if (looksLikeBomb(this.decompressed, this.compressed, DEFAULT_LIMITS)) {
      this.refusal = refusals.bomb(DEFAULT_LIMITS.bombMaxRatio, this.compressed, this.decompressed);
      this.stopped = true;
      return;
    }
    if (!this.decided) {
      this.headParts.push(chunk);
      this.headBytes += chunk.length;
      if (this.headBytes >= this.limits.textSample) this.decide();
    } else if (this.content === "tar") {
      this.listing.push(chunk);
    }
    if (this.content === "text" || this.decompressed >= this.limits.maxDecompressed) this.stopped = true;
  }

  /** The server peeks the first decompressed bytes and decides the same way. */
  private decide(): void {
    this.decided = true;
    this.head = concat(this.headParts, this.headBytes);
    this.headParts.length = 0;
    if (this.head.length === 0) {
      this.refusal = refusals.emptyGzip();
      return;
    }
    this.content = detectContent(this.head);
    if (this.content === "tar") this.listing.push(this.head);
    else if (this.content === null) this.refusal = refusals.gzipHoldsNeither();
  }

  private endContent(): void {
    if (!this.decided && !this.refusal) this.decide();
    if (this.content === "tar" && this.inflate.ended) this.listing.end();
  }
}

const INFLATE_PIECE = 16 * 1024;

function concat(parts: Uint8Array[], total: number): Uint8Array {
  if (parts.length === 1) return parts[0];
  const out = new Uint8Array(total);
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
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
    // message lines: `|...`, and in the real layout ` |...`, ` Header: ...`, ` SIPMSG:`
    if (!line || line.startsWith("|") || line.startsWith(" ") || line === "SIPMSG:" || line === "HTTPMSG:") continue;
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

function countKinds(files: PeekedFile[]): Record<FileKind, number> {
  const counts: Record<FileKind, number> = { log: 0, xconf: 0, xstat: 0, capture: 0, certificate: 0, other: 0 };
  for (const f of files) counts[f.kind]++;
  return counts;
}

function asRefusal(r: ReadRefusal | PeekRefusal | null): PeekRefusal | null {
  return r ? { code: r.code, message: r.message } : null;
}

/** Turns a tar listing into what the page shows, with early (non-blocking) warnings. */
export function summarizeArchive(input: {
  fileName: string;
  fileSize: number;
  format: "gzip" | "tar";
  files: PeekedFile[];
  partial: boolean;
  bytesScanned: number;
  refusal: PeekRefusal | null;
}): PeekSummary {
  const { files } = input;
  const counts = countKinds(files);
  const fromName = parseBundleName(input.fileName);
  const snapshot = files.find((f) => baseName(f.name).toLowerCase().startsWith("loggingsnapshot"));
  const fromSnapshot = snapshot ? parseBundleName(snapshot.name) : { host: null, timestamp: null };
  const anyStamped = files.map((f) => parseBundleName(f.name)).find((p) => p.host);
  const looksLikeExpressway = Boolean(snapshot) || counts.xconf > 0 || counts.xstat > 0;

  // A truncated archive is analysed for what comes before the cut when that holds a file the
  // server reads lines from (it marks the results partial); else it is refused as truncated.
  const cutButReadable = input.refusal?.code === "truncated" && hasReadableFiles(files);
  const given = cutButReadable ? null : input.refusal;
  // The server refuses a complete bundle with nothing it reads lines from.
  const complete = !input.partial && input.refusal === null;
  const refusal = asRefusal(given ?? (complete && !hasReadableFiles(files) ? refusals.noExpresswayFiles(files) : null));

  const warnings: PeekWarning[] = [];
  if (refusal === null) {
    if (!looksLikeExpressway) {
      warnings.push({
        code: "not_expressway",
        message:
          "This does not look like an Expressway diagnostic bundle: no loggingsnapshot, xconf_dump or xstat_dump file was found" +
          (input.partial ? " in the part that was read." : ".") +
          " You can still analyze it.",
      });
    } else if (!snapshot) {
      warnings.push({ code: "no_log", message: "No loggingsnapshot file was found, so log-based checks will report missing information." });
    }
  }
  if (input.format === "tar" && /\.(tgz|gz)$/i.test(input.fileName)) {
    warnings.push({ code: "not_gzip", message: "The name ends in .gz but the file is not gzip-compressed (it is a plain tar)." });
  }
  if (input.partial) {
    warnings.push({ code: "partial", message: "Only the beginning of the archive was inspected in the browser; the listing may be incomplete." });
  }
  if (cutButReadable) {
    warnings.push({ code: "truncated", message: "The archive is truncated (the upload or download was cut off): the analysis will cover what comes before the cut. Download the bundle again for the rest." });
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
    refusal,
    warnings,
  };
}

/** Summary for a bare loggingsnapshot / .log upload (gzipped or not). */
export function summarizeText(input: { fileName: string; fileSize: number; sample: string; bytesScanned: number; gzipped: boolean }): PeekSummary {
  const sniff = sniffLogText(input.sample);
  const fromName = parseBundleName(input.fileName);
  const warnings: PeekWarning[] = [];
  if (sniff.matching === 0) {
    warnings.push({
      code: "not_expressway",
      message: "No Expressway-style log lines (timestamp, host, process) were found at the start of this file. You can still analyze it.",
    });
  } else if (!sniff.expressway) {
    warnings.push({
      code: "not_expressway",
      message: "The file holds syslog-style lines, but none from Expressway's tvcs or traffic_server processes were seen at its start.",
    });
  }
  const member = textUploadFile(input.fileName, input.gzipped);
  // a gzipped log's size once inflated is not known without inflating it all
  const files: PeekedFile[] = [{ name: member.name, size: input.gzipped ? input.bytesScanned : input.fileSize, kind: member.kind }];
  return {
    fileName: input.fileName,
    fileSize: input.fileSize,
    format: input.gzipped ? "gzip" : "text",
    host: fromName.host ?? sniff.host,
    timestamp: fromName.timestamp,
    files,
    counts: countKinds(files),
    partial: input.gzipped || input.fileSize > input.bytesScanned,
    bytesScanned: input.bytesScanned,
    logLines: { sampled: sniff.sampled, matching: sniff.matching },
    looksLikeExpressway: sniff.expressway,
    refusal: null,
    warnings,
  };
}

/** Summary when the file cannot be read as a bundle at all. */
export function summarizeRefused(fileName: string, fileSize: number, format: PeekFormat, refusal: PeekRefusal): PeekSummary {
  const name = parseBundleName(fileName);
  return {
    fileName,
    fileSize,
    format,
    host: name.host,
    timestamp: name.timestamp,
    files: [],
    counts: countKinds([]),
    partial: false,
    bytesScanned: 0,
    logLines: null,
    looksLikeExpressway: false,
    refusal: asRefusal(refusal),
    warnings: [],
  };
}

async function readSlice(file: Blob, start: number, end: number): Promise<Uint8Array> {
  return new Uint8Array(await file.slice(start, end).arrayBuffer());
}

/** A plain tar's members are read through small slices; larger data is jumped over, never read. */
const PLAIN_TAR_SLICE = 64 * 1024;

/** Lists a plain tar by slicing the file: headers are read, large file data is jumped over. */
async function peekPlainTar(file: Blob, limits: PeekLimits, signal?: AbortSignal): Promise<{ listing: TarListing; scanned: number; aborted: boolean }> {
  const listing = new TarListing(limits.maxEntries);
  const { scanner } = listing;
  let offset = 0;
  let scanned = 0;
  while (offset < file.size && !listing.stopped) {
    if (signal?.aborted) return { listing, scanned, aborted: true };
    if (scanner.skippable >= PLAIN_TAR_SLICE) {
      const jump = Math.min(scanner.skippable, file.size - offset);
      scanner.skip(jump);
      offset += jump;
      continue;
    }
    const end = Math.min(file.size, offset + Math.max(scanner.wanted, PLAIN_TAR_SLICE));
    const chunk = await readSlice(file, offset, end);
    scanned += chunk.length;
    listing.push(chunk);
    offset = end;
  }
  listing.end();
  return { listing, scanned, aborted: false };
}

/** Peeks into a file chosen in the browser. Never reads more than the limits allow. */
export async function peekFile(file: File, opts: { signal?: AbortSignal; limits?: Partial<PeekLimits> } = {}): Promise<PeekSummary> {
  const limits = { ...PEEK_LIMITS, ...opts.limits };
  // the server refuses such a name before reading a byte: so does the peek
  const byName = refusalByName(file.name);
  if (byName) return summarizeRefused(file.name, file.size, "unknown", byName);
  const head = await readSlice(file, 0, Math.min(file.size, limits.textSample));
  const atUpload = refusalByContent(file.name, file.size, head);
  if (atUpload) return summarizeRefused(file.name, file.size, "unknown", atUpload);

  if (isGzip(head)) {
    const peeker = new GzipPeeker(limits);
    let offset = 0;
    while (offset < file.size && !peeker.finished) {
      if (opts.signal?.aborted) break;
      const end = Math.min(file.size, offset + limits.sliceSize);
      const chunk = await readSlice(file, offset, end);
      offset = end;
      peeker.push(chunk, offset >= file.size);
      // let the page breathe between slices
      await new Promise((r) => setTimeout(r, 0));
    }
    if (peeker.content === "text") {
      const sample = new TextDecoder().decode(peeker.head.subarray(0, limits.textSample));
      return withRefusal(summarizeText({ fileName: file.name, fileSize: file.size, sample, bytesScanned: peeker.head.length, gzipped: true }), peeker.refusal);
    }
    if (peeker.content === null) return summarizeRefused(file.name, file.size, "gzip", peeker.refusal ?? refusals.gzipHoldsNeither());
    return summarizeArchive({
      fileName: file.name,
      fileSize: file.size,
      format: "gzip",
      files: peeker.listing.files,
      partial: peeker.partial,
      bytesScanned: peeker.decompressed,
      refusal: peeker.refusal ?? peeker.listing.refusal,
    });
  }

  const content = detectContent(head);
  if (content === "tar") {
    const { listing, scanned, aborted } = await peekPlainTar(file, limits, opts.signal);
    return summarizeArchive({
      fileName: file.name,
      fileSize: file.size,
      format: "tar",
      files: listing.files,
      partial: aborted,
      bytesScanned: scanned,
      refusal: listing.refusal,
    });
  }
  if (content === "text") {
    const sample = new TextDecoder().decode(head);
    return summarizeText({ fileName: file.name, fileSize: file.size, sample, bytesScanned: head.length, gzipped: false });
  }
  return summarizeRefused(file.name, file.size, "unknown", refusals.notABundle(head));
}

/** A gzipped log the peek stopped reading early may still turn out cut off or corrupt further on. */
function withRefusal(summary: PeekSummary, refusal: PeekRefusal | null): PeekSummary {
  return refusal && !summary.refusal ? { ...summary, refusal: { code: refusal.code, message: refusal.message } } : summary;
}
