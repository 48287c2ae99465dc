// The tar header codec: one 512-byte block in, the fields the reader needs out. Pure and
// browser-safe (Uint8Array only), so the server's reader and the upload page's peek decode
// members the same way. Semantics follow tar-stream's headers.js (POSIX ustar, GNU, old v7).

export const TAR_BLOCK = 512;

/** The member types tar-stream names; an unknown flag reads as a regular file, as POSIX asks. */
export type TarEntryType =
  | "file"
  | "link"
  | "symlink"
  | "character-device"
  | "block-device"
  | "directory"
  | "fifo"
  | "contiguous-file"
  | "pax-header"
  | "pax-global-header"
  | "gnu-long-path"
  | "gnu-long-link-path";

export type TarHeader = { name: string; size: number; type: TarEntryType };

const utf8 = new TextDecoder("utf-8");

/** Header checksum as tar computes it: every byte unsigned, the checksum field read as spaces. */
function checksum(block: Uint8Array): number {
  let sum = 8 * 0x20;
  for (let i = 0; i < 148; i++) sum += block[i];
  for (let i = 156; i < TAR_BLOCK; i++) sum += block[i];
  return sum;
}

/** An all-zero block: half of the end-of-archive marker (and the padding after it). */
export function isZeroBlock(block: Uint8Array): boolean {
  for (let i = 0; i < TAR_BLOCK; i++) if (block[i] !== 0) return false;
  return true;
}

/**
 * A numeric field: octal digits (leading spaces/NULs, ended by a space or NUL), or GNU base-256
 * (high bit of the first byte set) for sizes of 8 GiB and more. null when it is neither.
 */
export function readNumber(block: Uint8Array, at: number, len: number): number | null {
  const end = at + len;
  if (block[at] & 0x80) {
    if (block[at] !== 0x80) return null; // 0xff: negative, never a valid size
    let v = 0;
    for (let i = at + 1; i < end; i++) v = v * 256 + block[i];
    return v;
  }
  let i = at;
  while (i < end && (block[i] === 0x20 || block[i] === 0)) i++;
  let v = 0;
  let digits = 0;
  for (; i < end; i++) {
    const c = block[i];
    if (c === 0x20 || c === 0) break;
    if (c < 0x30 || c > 0x37) return null;
    v = v * 8 + (c - 0x30);
    digits++;
  }
  return digits === 0 ? 0 : v;
}

/** A NUL-terminated string field, decoded as UTF-8 (invalid bytes become U+FFFD). */
export function readString(block: Uint8Array, at: number, len: number): string {
  let end = at;
  while (end < at + len && block[end] !== 0) end++;
  return utf8.decode(block.subarray(at, end));
}

/** Whether the block is a tar header whose checksum adds up (the one test old v7 tars allow). */
export function isTarHeader(block: Uint8Array): boolean {
  if (block.length < TAR_BLOCK) return false;
  const stored = readNumber(block, 148, 8);
  if (stored === null) return false;
  const sum = checksum(block);
  return sum !== 8 * 0x20 && sum === stored;
}

function isPosixUstar(block: Uint8Array): boolean {
  // "ustar\0" (POSIX); GNU writes "ustar " and has no prefix field.
  return block[257] === 0x75 && block[258] === 0x73 && block[259] === 0x74 && block[260] === 0x61 && block[261] === 0x72 && block[262] === 0;
}

function typeOf(flag: number): TarEntryType {
  switch (flag) {
    case 0:
    case 0x30:
      return "file";
    case 0x31:
      return "link";
    case 0x32:
      return "symlink";
    case 0x33:
      return "character-device";
    case 0x34:
      return "block-device";
    case 0x35:
      return "directory";
    case 0x36:
      return "fifo";
    case 0x37:
      return "contiguous-file";
    case 0x78: // x
      return "pax-header";
    case 0x67: // g
      return "pax-global-header";
    case 0x4c: // L
    case 0x4e: // N (old GNU long name)
      return "gnu-long-path";
    case 0x4b: // K
      return "gnu-long-link-path";
    default:
      return "file";
  }
}

export class TarHeaderError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "TarHeaderError";
  }
}

/**
 * Decodes one header block. null for an all-zero block (end of archive); throws TarHeaderError
 * when the checksum or the size field is wrong (a corrupt archive, or not tar at all).
 */
export function decodeTarHeader(block: Uint8Array): TarHeader | null {
  if (isZeroBlock(block)) return null;
  if (!isTarHeader(block)) throw new TarHeaderError("invalid tar header checksum");
  const size = readNumber(block, 124, 12);
  if (size === null) throw new TarHeaderError("invalid tar header size");
  let name = readString(block, 0, 100);
  if (isPosixUstar(block) && block[345] !== 0) name = `${readString(block, 345, 155)}/${name}`;
  let type = typeOf(block[156]);
  // old tars mark directories with a trailing slash only
  if (type === "file" && (block[156] === 0 || block[156] === 0x30) && name.endsWith("/")) type = "directory";
  return { name, size, type };
}

/** The records of a pax extended header the reader honours: "path" (the name) and "size". */
export function decodePax(payload: Uint8Array): { path: string | null; size: number | null } {
  let path: string | null = null;
  let size: number | null = null;
  // "<len> <key>=<value>\n" records, <len> counting the bytes of the whole record
  let buf = payload;
  while (buf.length > 0) {
    let i = 0;
    while (i < buf.length && buf[i] !== 0x20) i++;
    const len = Number.parseInt(utf8.decode(buf.subarray(0, i)), 10);
    if (!(len > i + 1) || len > buf.length) break;
    const record = utf8.decode(buf.subarray(i + 1, len - 1));
    const eq = record.indexOf("=");
    if (eq === -1) break;
    const key = record.slice(0, eq);
    if (key === "path") path = record.slice(eq + 1);
    else if (key === "size") {
      const n = Number.parseInt(record.slice(eq + 1), 10);
      if (Number.isFinite(n) && n >= 0) size = n;
    }
    buf = buf.subarray(len);
  }
  return { path, size };
}

/** A GNU long name payload: the name up to its NUL. */
export function gnuLongPath(payload: Uint8Array): string {
  const nul = payload.indexOf(0);
  return utf8.decode(nul >= 0 ? payload.subarray(0, nul) : payload);
}
