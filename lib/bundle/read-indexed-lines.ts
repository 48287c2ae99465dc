// Random access into a stored bundle through its line index: the decompressed bytes from any offset
// (inflating from the nearest checkpoint with node's zlib, off the event loop), and the lines of a file
// from any line number. Without an index (analyses from before it existed, or one still being built)
// the same functions read from the start, which is correct, only slower deep into a large bundle.
import { Readable } from "node:stream";
import { createGunzip, createInflateRaw } from "node:zlib";
import { decodeLine } from "@/lib/bundle/line-splitter";
import { checkpointAtOrBefore, markAtOrBefore, type IndexedFile, type LineIndex } from "@/lib/bundle/line-index";

/** The stored object from byte `start` to its end. */
export type OpenFrom = (start: number) => Promise<Readable>;

/** A line as the viewer gets it: long lines are cut (the rest is counted, never held). */
export type ViewLine = { n: number; text: string; truncated?: true; bytes?: number };

/** Characters of one line kept for display; a 1 MiB line is shown cut with its full length. */
export const MAX_LINE_KEEP = 16 * 1024;

/**
 * `length` decompressed bytes from `out` on (fewer if the stream ends), in chunks. A gzip stream of
 * several members cannot be resumed mid-stream past its first member's end; then it reads on from the
 * start.
 */
export async function* decompressedRange(index: LineIndex, open: OpenFrom, out: number, length: number): AsyncGenerator<Buffer> {
  let produced = 0;
  const compressed = index.format === "tar.gz" || index.format === "text.gz";
  const cp = compressed ? checkpointAtOrBefore(index, out) : null;
  const attempts: Array<{ from: number; inflate: () => NodeJS.ReadWriteStream | null; skip: number }> = compressed
    ? [
        ...(cp ? [{ from: cp.in, inflate: () => createInflateRaw({ dictionary: cp.window, chunkSize: 128 * 1024 }), skip: out - cp.out }] : []),
        { from: 0, inflate: () => createGunzip({ chunkSize: 128 * 1024 }), skip: out },
      ]
    : [{ from: out, inflate: () => null, skip: 0 }];
  for (const attempt of attempts) {
    if (produced >= length) return;
    let skip = attempt.skip + produced;
    const raw = await open(attempt.from);
    const inflater = attempt.inflate();
    if (inflater) raw.on("error", (err) => (inflater as unknown as Readable).destroy(err));
    const stream: AsyncIterable<Buffer> = inflater ? (raw.pipe(inflater) as unknown as AsyncIterable<Buffer>) : raw;
    try {
      for await (const chunk of stream) {
        let start = 0;
        if (skip > 0) {
          if (skip >= chunk.length) {
            skip -= chunk.length;
            continue;
          }
          start = skip;
          skip = 0;
        }
        const end = Math.min(chunk.length, start + (length - produced));
        produced += end - start;
        yield chunk.subarray(start, end);
        if (produced >= length) return;
      }
    } catch (err) {
      // A raw inflate run past the first member's end fails on the gzip trailer: read on from the start.
      if (attempt.from === 0 || !compressed) throw err;
    } finally {
      raw.destroy();
      (inflater as unknown as Readable | null)?.destroy?.();
    }
  }
}

/** Lines of `file` from line `first` on (1-based), in order, until the file ends or the caller stops. */
export async function* fileLines(index: LineIndex, open: OpenFrom, file: IndexedFile, first: number): AsyncGenerator<ViewLine> {
  if (file.lines === 0 || first > file.lines) return;
  const [markLine, markOff] = markAtOrBefore(file, Math.max(1, first));
  let n = markLine;
  let parts: Buffer[] = [];
  let kept = 0;
  let bytes = 0;
  const flush = (): ViewLine => {
    let buf = parts.length === 1 ? parts[0] : Buffer.concat(parts, kept);
    const cut = bytes > kept;
    if (!cut && buf.length > 0 && buf[buf.length - 1] === 13) buf = buf.subarray(0, buf.length - 1);
    const line: ViewLine = { n, text: decodeLine(buf, 0, buf.length) };
    if (cut) {
      line.truncated = true;
      line.bytes = bytes;
    }
    parts = [];
    kept = 0;
    bytes = 0;
    n++;
    return line;
  };
  for await (const chunk of decompressedRange(index, open, file.offset + markOff, file.size - markOff)) {
    let at = 0;
    while (at < chunk.length) {
      const nl = chunk.indexOf(10, at);
      const end = nl === -1 ? chunk.length : nl;
      if (n >= first) {
        const room = MAX_LINE_KEEP - kept;
        if (room > 0) {
          const piece = chunk.subarray(at, Math.min(end, at + room));
          parts.push(Buffer.from(piece));
          kept += piece.length;
        }
      }
      bytes += end - at;
      if (nl === -1) break;
      at = nl + 1;
      if (n >= first) yield flush();
      else {
        parts = [];
        kept = 0;
        bytes = 0;
        n++;
      }
    }
  }
  if ((bytes > 0 || kept > 0) && n >= first && n <= file.lines) yield flush();
}

/** `count` lines from `from` on; a `from` past the end gives the last page. */
export async function readFileLines(index: LineIndex, open: OpenFrom, file: IndexedFile, from: number, count: number): Promise<{ from: number; lines: ViewLine[] }> {
  const start = Math.max(1, Math.min(from, file.lines - count + 1));
  const lines: ViewLine[] = [];
  if (file.lines === 0) return { from: 1, lines };
  for await (const line of fileLines(index, open, file, start)) {
    lines.push(line);
    if (lines.length >= count) break;
  }
  return { from: start, lines };
}
