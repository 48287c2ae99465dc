// What an upload looks like from its first bytes, so a file that can never be analysed is refused at
// upload time instead of failing later. The analysis reader decides the details.
export type UploadFormat = "gzip" | "tar" | "text";

export const ACCEPTED_EXTENSIONS = [".tar.gz", ".tgz", ".tar", ".gz", ".txt", ".log"];

export function hasAcceptedExtension(fileName: string): boolean {
  const lower = fileName.toLowerCase();
  return ACCEPTED_EXTENSIONS.some((ext) => lower.endsWith(ext));
}

/** Basename only, no control characters, bounded length: the name is shown, never used as a path. */
export function cleanFileName(raw: string): string {
  let name = raw;
  try {
    name = decodeURIComponent(raw);
  } catch {
    // keep it as sent
  }
  name = name.split(/[\\/]/).pop() ?? "";
  name = name.replace(/[\u0000-\u001f\u007f]/g, "").trim();
  return name.slice(-200);
}

export function sniffFormat(head: Buffer): UploadFormat | null {
  if (head.length >= 2 && head[0] === 0x1f && head[1] === 0x8b) return "gzip";
  if (head.length >= 512 && isTarHeader(head.subarray(0, 512))) return "tar";
  return looksLikeText(head) ? "text" : null;
}

function isTarHeader(block: Buffer): boolean {
  if (block.toString("latin1", 257, 262) === "ustar") return true;
  // Old (v7) tar has no magic: the header checksum must match.
  const stored = parseInt(block.toString("latin1", 148, 156).replace(/\0.*$/, "").trim(), 8);
  if (!Number.isFinite(stored)) return false;
  let sum = 0;
  for (let i = 0; i < 512; i++) sum += i >= 148 && i < 156 ? 32 : block[i];
  return sum === stored && block[0] !== 0;
}

function looksLikeText(head: Buffer): boolean {
  if (head.length === 0) return false;
  let control = 0;
  for (const byte of head) {
    if (byte === 0) return false;
    if (byte < 9 || (byte > 13 && byte < 32)) control++;
  }
  return control / head.length < 0.01;
}
