// Decides what an upload is from its first bytes; file names are never trusted for this.

export const TEXT_SNIFF_BYTES = 64 * 1024;

export function isGzip(head: Buffer): boolean {
  return head.length >= 2 && head[0] === 0x1f && head[1] === 0x8b;
}

/** A tar header: ustar/GNU magic at 257, or (old v7 tar) a header whose checksum adds up. */
export function looksLikeTar(head: Buffer): boolean {
  if (head.length < 512) return false;
  if (head.toString("latin1", 257, 262) === "ustar") return true;
  return tarChecksumValid(head);
}

function tarChecksumValid(head: Buffer): boolean {
  let sum = 0;
  let allZero = true;
  for (let i = 0; i < 512; i++) {
    const b = i >= 148 && i < 156 ? 0x20 : head[i];
    if (head[i] !== 0) allZero = false;
    sum += b;
  }
  if (allZero) return false;
  const field = head.toString("latin1", 148, 156).replace(/[\0 ]+$/g, "").trim();
  if (!/^[0-7]+$/.test(field)) return false;
  return parseInt(field, 8) === sum;
}

/** Plain text log: no NUL byte in the sniffed prefix and hardly any other control bytes. */
export function looksLikeText(head: Buffer): boolean {
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

/** Names a few binary formats people upload by mistake, for a more helpful error. */
export function describeBinary(head: Buffer): string | null {
  const ascii = head.toString("latin1", 0, 8);
  if (ascii.startsWith("PK\u0003\u0004") || ascii.startsWith("PK\u0005\u0006")) return "a ZIP archive";
  if (ascii.startsWith("7z\u00bc\u00af")) return "a 7-Zip archive";
  if (ascii.startsWith("BZh")) return "a bzip2 file";
  if (ascii.startsWith("\u00fd7zXZ")) return "an xz file";
  if (head.length >= 4 && head.readUInt32LE(0) === 0xfd2fb528) return "a zstd file";
  if (ascii.startsWith("Rar!")) return "a RAR archive";
  if (ascii.startsWith("%PDF")) return "a PDF document";
  if (head.length >= 4 && (head.readUInt32LE(0) === 0xa1b2c3d4 || head.readUInt32BE(0) === 0xa1b2c3d4 || head.readUInt32BE(0) === 0x0a0d0d0a)) {
    return "a packet capture";
  }
  return null;
}
