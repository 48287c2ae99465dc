// The line index of a stored bundle: where each file's body lies in the decompressed stream, where
// every few thousand lines begin, and (for gzip) checkpoints from which inflating can resume without
// starting at the beginning: the compressed byte offset of a deflate block that starts on a byte
// boundary and the 32 KiB of output before it (zran's idea, restricted to byte-aligned blocks so that
// node's own zlib can resume there with that window as its dictionary). Written once after an analysis
// (lib/bundle/build-line-index.ts), kept beside the bundle, read by the log viewer.
import { deflateRawSync, inflateRawSync } from "node:zlib";
import type { FileKind } from "@/lib/bundle/bundle-file";
import type { BundleFormat } from "@/lib/bundle/read-bundle";

export const LINE_INDEX_VERSION = 1;
const MAGIC = "EALINES1";

export type IndexedFile = {
  name: string;
  kind: FileKind;
  /** where the file's body starts in the decompressed stream (the tar stream, or the text itself) */
  offset: number;
  size: number;
  /** its first bytes look like text: the viewer shows it; otherwise it is only downloadable */
  text: boolean;
  /** lines as the analysis numbers them (lib/bundle/line-splitter.ts): a last line without LF counts */
  lines: number;
  /** pairs [line, offset of that line's start relative to the body], ascending; [1, 0] first */
  marks: Float64Array;
};

export type Checkpoint = {
  /** decompressed offset at which the block starts */
  out: number;
  /** compressed byte offset of the block (byte-aligned) in the stored object */
  in: number;
  /** the 32 KiB (or fewer, near the start) of output before `out` */
  window: Buffer;
};

export type LineIndex = {
  version: number;
  format: BundleFormat;
  compressedBytes: number;
  decompressedBytes: number;
  files: IndexedFile[];
  /** gzip only, ascending by `out`; empty for uncompressed bundles */
  checkpoints: Checkpoint[];
};

type Header = {
  version: number;
  format: BundleFormat;
  compressedBytes: number;
  decompressedBytes: number;
  files: (Omit<IndexedFile, "marks"> & { markCount: number })[];
  checkpoints: { out: number; in: number; windowBytes: number }[];
};

/** MAGIC, u32 header length, header JSON, every file's marks (float64 LE), every window deflated. */
export function encodeLineIndex(index: LineIndex): Buffer {
  const windows = index.checkpoints.map((c) => deflateRawSync(c.window, { level: 6 }));
  const header: Header = {
    version: index.version,
    format: index.format,
    compressedBytes: index.compressedBytes,
    decompressedBytes: index.decompressedBytes,
    files: index.files.map(({ marks, ...f }) => ({ ...f, markCount: marks.length / 2 })),
    checkpoints: index.checkpoints.map((c, i) => ({ out: c.out, in: c.in, windowBytes: windows[i].length })),
  };
  const json = Buffer.from(JSON.stringify(header));
  const len = Buffer.alloc(4);
  len.writeUInt32LE(json.length);
  const marks = index.files.map((f) => Buffer.from(f.marks.buffer, f.marks.byteOffset, f.marks.byteLength));
  return Buffer.concat([Buffer.from(MAGIC, "latin1"), len, json, ...marks, ...windows]);
}

export class LineIndexError extends Error {}

export function decodeLineIndex(buf: Buffer): LineIndex {
  if (buf.length < MAGIC.length + 4 || buf.toString("latin1", 0, MAGIC.length) !== MAGIC) throw new LineIndexError("not a line index");
  const jsonLen = buf.readUInt32LE(MAGIC.length);
  let at = MAGIC.length + 4;
  const header = JSON.parse(buf.toString("utf8", at, at + jsonLen)) as Header;
  if (header.version !== LINE_INDEX_VERSION) throw new LineIndexError(`line index version ${header.version}`);
  at += jsonLen;
  const files: IndexedFile[] = header.files.map(({ markCount, ...f }) => {
    const bytes = markCount * 16;
    // copied: Float64Array needs an aligned offset, the slice of a file read has none
    const marks = new Float64Array(markCount * 2);
    Buffer.from(marks.buffer).set(buf.subarray(at, at + bytes));
    at += bytes;
    return { ...f, marks };
  });
  const checkpoints = header.checkpoints.map((c) => {
    const window = inflateRawSync(buf.subarray(at, at + c.windowBytes));
    at += c.windowBytes;
    return { out: c.out, in: c.in, window };
  });
  return { version: header.version, format: header.format, compressedBytes: header.compressedBytes, decompressedBytes: header.decompressedBytes, files, checkpoints };
}

/** The mark at or before `line`: [line it names, that line's offset relative to the body]. */
export function markAtOrBefore(file: IndexedFile, line: number): [number, number] {
  const m = file.marks;
  let lo = 0;
  let hi = m.length / 2 - 1;
  if (hi < 0) return [1, 0];
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (m[mid * 2] <= line) lo = mid;
    else hi = mid - 1;
  }
  return [m[lo * 2], m[lo * 2 + 1]];
}

/** The last checkpoint at or before the decompressed offset `out`, or null (start from the beginning). */
export function checkpointAtOrBefore(index: LineIndex, out: number): Checkpoint | null {
  const cps = index.checkpoints;
  let lo = 0;
  let hi = cps.length - 1;
  let found: Checkpoint | null = null;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (cps[mid].out <= out) {
      found = cps[mid];
      lo = mid + 1;
    } else hi = mid - 1;
  }
  return found;
}

/** The file of that name (the first, should a bundle hold two entries of one name). */
export function findIndexedFile(index: LineIndex, name: string): IndexedFile | null {
  return index.files.find((f) => f.name === name) ?? null;
}
