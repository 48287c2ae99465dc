// The tar state machine over Uint8Array chunks of any size: headers (with GNU long names and pax
// paths applied), then each member's data as slices of the input, never copied. The server's reader
// hands the slices to its visitor; the upload page's peek jumps over them. Same code, same names.
import { TAR_BLOCK, TarHeaderError, decodePax, decodeTarHeader, gnuLongPath, type TarHeader } from "@/lib/bundle/tar-header";

export type TarEvent =
  /** a member starts; its data (if any) follows as "data" events, then "entry-end" */
  | { type: "entry"; header: TarHeader }
  | { type: "data"; bytes: Uint8Array }
  | { type: "entry-end" };

/** Long names and pax headers are kept whole to name the next member; beyond this the archive is refused. */
export const MAX_META_BYTES = 64 * 1024;

/** Member types whose size field is ignored: no data blocks follow them. */
const NO_DATA = new Set<TarHeader["type"]>(["link", "symlink", "character-device", "block-device", "directory", "fifo"]);

export class TarScanner {
  /** the end-of-archive marker (two zero blocks) was read: later bytes are not tar */
  done = false;
  /** member headers seen, of any type (pax and long-name headers are not members) */
  entries = 0;
  /** after next(): where in the chunk it stopped */
  offset = 0;

  private readonly header = new Uint8Array(TAR_BLOCK);
  private headerFill = 0;
  private meta: { type: TarHeader["type"]; bytes: Uint8Array; fill: number; pad: number } | null = null;
  private dataLeft = 0;
  private padLeft = 0;
  private endPending = false;
  private zeroBlocks = 0;
  private longPath: string | null = null;
  private pax: { path: string | null; size: number | null } | null = null;

  /**
   * The next event from chunk[at...], or null once the chunk is used up (or the archive ended).
   * Throws TarHeaderError on a header that is not tar.
   */
  next(chunk: Uint8Array, at: number): TarEvent | null {
    const n = chunk.length;
    let i = at;
    while (!this.done) {
      if (this.endPending) {
        this.endPending = false;
        this.offset = i;
        return END;
      }
      if (i >= n) break;
      if (this.dataLeft > 0) {
        const take = Math.min(n - i, this.dataLeft);
        this.dataLeft -= take;
        if (this.dataLeft === 0) this.endPending = true;
        this.offset = i + take;
        return { type: "data", bytes: chunk.subarray(i, i + take) };
      }
      if (this.padLeft > 0) {
        const take = Math.min(n - i, this.padLeft);
        this.padLeft -= take;
        i += take;
        continue;
      }
      if (this.meta) {
        const m = this.meta;
        const take = Math.min(n - i, m.bytes.length - m.fill);
        m.bytes.set(chunk.subarray(i, i + take), m.fill);
        m.fill += take;
        i += take;
        if (m.fill === m.bytes.length) this.finishMeta();
        continue;
      }
      const take = Math.min(n - i, TAR_BLOCK - this.headerFill);
      this.header.set(chunk.subarray(i, i + take), this.headerFill);
      this.headerFill += take;
      i += take;
      if (this.headerFill < TAR_BLOCK) continue;
      this.headerFill = 0;
      const header = this.readHeader();
      if (header) {
        this.offset = i;
        return { type: "entry", header };
      }
    }
    this.offset = n;
    return null;
  }

  /** Data and padding bytes of the current member still to come: a reader that has the file can jump them. */
  get skippable(): number {
    return this.dataLeft + this.padLeft;
  }

  /** What the next header or long name still needs, for a reader that slices the file itself. */
  get wanted(): number {
    if (this.meta) return this.meta.bytes.length - this.meta.fill;
    return TAR_BLOCK - this.headerFill;
  }

  /** Advances over up to `skippable` bytes without having them. */
  skip(bytes: number): void {
    const data = Math.min(bytes, this.dataLeft);
    this.dataLeft -= data;
    if (data > 0 && this.dataLeft === 0) this.endPending = true;
    this.padLeft -= Math.min(bytes - data, this.padLeft);
  }

  /** The input stopped inside a header, a long name or a member's data: the archive is cut off. */
  get midEntry(): boolean {
    return !this.done && (this.headerFill > 0 || this.meta !== null || this.dataLeft > 0 || this.padLeft > 0);
  }

  private readHeader(): TarHeader | null {
    const raw = decodeTarHeader(this.header);
    if (raw === null) {
      // one zero block may be padding; two end the archive
      if (++this.zeroBlocks >= 2) this.done = true;
      return null;
    }
    this.zeroBlocks = 0;
    const padded = Math.ceil(raw.size / TAR_BLOCK) * TAR_BLOCK;
    if (raw.type === "pax-header" || raw.type === "pax-global-header" || raw.type === "gnu-long-path" || raw.type === "gnu-long-link-path") {
      if (raw.size > MAX_META_BYTES) throw new TarHeaderError(`a ${raw.type} header of ${raw.size} bytes`);
      this.meta = { type: raw.type, bytes: new Uint8Array(raw.size), fill: 0, pad: padded - raw.size };
      if (raw.size === 0) this.finishMeta();
      return null;
    }
    const header: TarHeader = { name: raw.name, size: raw.size, type: raw.type };
    if (this.longPath !== null) header.name = this.longPath;
    if (this.pax?.path) header.name = this.pax.path;
    if (this.pax?.size != null) header.size = this.pax.size;
    this.longPath = null;
    this.pax = null;
    this.entries++;
    if (NO_DATA.has(header.type) || header.size === 0) {
      this.endPending = true;
    } else {
      this.dataLeft = header.size;
      this.padLeft = Math.ceil(header.size / TAR_BLOCK) * TAR_BLOCK - header.size;
    }
    return header;
  }

  private finishMeta(): void {
    const m = this.meta!;
    this.meta = null;
    this.padLeft = m.pad;
    if (m.type === "gnu-long-path") this.longPath = gnuLongPath(m.bytes);
    else if (m.type === "pax-header") this.pax = decodePax(m.bytes);
    // global pax headers and long link names name nothing this reader keeps
  }
}

const END: TarEvent = { type: "entry-end" };
