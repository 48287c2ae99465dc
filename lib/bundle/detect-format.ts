// Decides what an upload is from its first bytes; file names are never trusted for this.
// Browser-safe (Uint8Array only): the upload page's peek and the server's reader decide alike.
import { TAR_BLOCK, isTarHeader } from "@/lib/bundle/tar-header";

/** How many leading bytes the text test looks at (the reader peeks this much before deciding). */
export const TEXT_SNIFF_BYTES = 64 * 1024;

export function isGzip(head: Uint8Array): boolean {
  return head.length >= 2 && head[0] === 0x1f && head[1] === 0x8b;
}

/** A tar header: ustar/GNU magic at 257, or (old v7 tar) a header whose checksum adds up. */
export function looksLikeTar(head: Uint8Array): boolean {
  if (head.length < TAR_BLOCK) return false;
  if (startsWith(head, 257, "ustar")) return true;
  return isTarHeader(head.subarray(0, TAR_BLOCK));
}

/** Plain text log: no NUL byte in the sniffed prefix and hardly any other control bytes. */
export function looksLikeText(head: Uint8Array): boolean {
  const n = Math.min(head.length, TEXT_SNIFF_BYTES);
  if (n === 0) return false;
  let control = 0;
  for (let i = 0; i < n; i++) {
    const b = head[i];
    if (b === 0) return false;
    // tab, LF, VT, FF, CR and ESC occur in real logs; other C0 bytes suggest binary.
    if (b < 0x20 && b !== 9 && b !== 10 && b !== 11 && b !== 12 && b !== 13 && b !== 27) control++;
  }
  return control / n < 0.01;
}

export type ContentFormat = "tar" | "text";

/** What decompressed (or never compressed) content is: a tar, a text log, or neither (null). */
export function detectContent(head: Uint8Array): ContentFormat | null {
  if (looksLikeTar(head)) return "tar";
  return looksLikeText(head) ? "text" : null;
}

/** Names a few binary formats people upload by mistake, for a more helpful error. */
export function describeBinary(head: Uint8Array): string | null {
  if (startsWith(head, 0, "PK\u0003\u0004") || startsWith(head, 0, "PK\u0005\u0006")) return "a ZIP archive";
  if (startsWith(head, 0, "7z\u00bc\u00af")) return "a 7-Zip archive";
  if (startsWith(head, 0, "BZh")) return "a bzip2 file";
  if (startsWith(head, 0, "\u00fd7zXZ")) return "an xz file";
  if (startsWith(head, 0, "\u0028\u00b5\u002f\u00fd")) return "a zstd file";
  if (startsWith(head, 0, "Rar!")) return "a RAR archive";
  if (startsWith(head, 0, "%PDF")) return "a PDF document";
  if (startsWith(head, 0, "\u00d4\u00c3\u00b2\u00a1") || startsWith(head, 0, "\u00a1\u00b2\u00c3\u00d4") || startsWith(head, 0, "\u000a\u000d\u000d\u000a")) {
    return "a packet capture";
  }
  return null;
}

/** Whether the bytes at `at` are the Latin-1 characters of `ascii`. */
function startsWith(head: Uint8Array, at: number, ascii: string): boolean {
  if (head.length < at + ascii.length) return false;
  for (let i = 0; i < ascii.length; i++) if (head[at + i] !== ascii.charCodeAt(i)) return false;
  return true;
}
