// Which uploads the server takes, decided from the name and the first bytes: the same answer on the
// upload page (before sending) and in POST /api/analyses (before storing). Browser-safe.
import { isGzip, looksLikeTar, looksLikeText } from "@/lib/bundle/detect-format";

/** ".gz" covers a gzipped loggingsnapshot (.txt.gz / .log.gz), which the reader opens. */
export const ACCEPTED_EXTENSIONS = [".tar.gz", ".tgz", ".tar", ".gz", ".txt", ".log"] as const;

/** The file picker's accept attribute: the extensions and the MIME types browsers give them. */
export const UPLOAD_ACCEPT = [...ACCEPTED_EXTENSIONS, "application/gzip", "application/x-gzip", "application/x-tar", "text/plain"].join(",");

/** How many first bytes the upload check looks at (the analysis reader looks further). */
export const UPLOAD_SNIFF_BYTES = 4096;

export type UploadFormat = "gzip" | "tar" | "text";

export type UploadRefusal = {
  status: 400 | 415;
  code: "unsupported_type" | "empty_file" | "unsupported_format";
  message: string;
};

export function hasAcceptedExtension(fileName: string): boolean {
  const lower = fileName.toLowerCase();
  return ACCEPTED_EXTENSIONS.some((ext) => lower.endsWith(ext));
}

/** The checks the analyzer's reader starts with, so an upload accepted here is one it can open. */
export function sniffFormat(head: Uint8Array): UploadFormat | null {
  if (isGzip(head)) return "gzip";
  if (looksLikeTar(head)) return "tar";
  return looksLikeText(head) ? "text" : null;
}

/** Refused before a byte is stored: the name says it is no bundle. */
export function refusalByName(fileName: string): UploadRefusal | null {
  if (hasAcceptedExtension(fileName)) return null;
  return {
    status: 415,
    code: "unsupported_type",
    message: `Expected a diagnostic bundle (${ACCEPTED_EXTENSIONS.join(", ")}); got "${fileName}".`,
  };
}

/** Refused once stored: empty, or the first bytes are neither gzip, tar nor text. */
export function refusalByContent(fileName: string, size: number, head: Uint8Array): UploadRefusal | null {
  if (size === 0) return { status: 400, code: "empty_file", message: `"${fileName}" is empty (0 bytes).` };
  if (sniffFormat(head.subarray(0, UPLOAD_SNIFF_BYTES))) return null;
  return {
    status: 415,
    code: "unsupported_format",
    message: `"${fileName}" is neither gzip, tar nor text. Upload the diagnostic_log_<host>_<stamp>.tar.gz from Maintenance > Diagnostics > Diagnostic logging, or a loggingsnapshot .txt.`,
  };
}
