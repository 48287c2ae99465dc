// What an upload looks like from its first bytes, so a file that can never be analysed is refused at
// upload time instead of failing later. The analysis reader decides the details.
import { isGzip, looksLikeTar, looksLikeText } from "@/lib/bundle/detect-format";

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

/** The same checks the analyzer's reader makes, so an upload accepted here is one it can open. */
export function sniffFormat(head: Buffer): UploadFormat | null {
  if (isGzip(head)) return "gzip";
  if (looksLikeTar(head)) return "tar";
  return looksLikeText(head) ? "text" : null;
}
