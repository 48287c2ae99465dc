// Classifies a bundle member by its name (the content is never sniffed for this). Browser-safe:
// the upload page lists files under the same kinds the server reads them as.
import type { BundleFile, FileKind } from "@/lib/bundle/bundle-file";

/**
 * Captures as the capture reader takes them: .pcap/.pcapng/.cap, tcpdump's rotated .pcap1,
 * .pcap2…, and Expressway's eth<n>_diagnostic_logging_tcpdump<nn>_… names with anything after
 * .pcap (the reader itself says when such a file is compressed and cannot be read).
 */
const CAPTURE_NAME = /\.(?:pcap|pcapng|cap)\d*$|tcpdump\d*_.*\.pcap/;
/** Logs: *.log and logrotate's *.log.1, *.log.2… (not *.log.1.gz: members are not decompressed). */
const LOG_NAME = /\.log(?:\.\d+)?$/;
const SNAPSHOT_NAME = /^loggingsnapshot.*\.(?:txt|log)(?:\.\d+)?$/;

export function classifyFile(path: string): FileKind {
  const base = baseName(path).toLowerCase();
  if (base.startsWith("xconf_dump")) return "xconf";
  if (base.startsWith("xstat_dump")) return "xstat";
  if (CAPTURE_NAME.test(base)) return "capture";
  if (base.endsWith(".pem") || base.endsWith(".crt") || base.endsWith(".cer")) return "certificate";
  if (SNAPSHOT_NAME.test(base) || LOG_NAME.test(base)) return "log";
  return "other";
}

/** Kinds whose lines the analysis reads; everything else is drained unread. */
export function isTextKind(kind: FileKind): boolean {
  return kind === "log" || kind === "xconf" || kind === "xstat";
}

/** The analysis needs at least one file it reads lines from; without one the bundle is refused. */
export function hasReadableFiles(files: readonly Pick<BundleFile, "kind">[]): boolean {
  return files.some((f) => isTextKind(f.kind));
}

/**
 * The one member of a bare text upload: named after the upload (without ".gz" when it was
 * gzipped); anything not obviously a dump counts as a log.
 */
export function textUploadFile(fileName: string, gzipped: boolean): { name: string; kind: FileKind } {
  const name = baseName(gzipped ? fileName.replace(/\.gz$/i, "") : fileName) || "upload.txt";
  const kind = classifyFile(name);
  return { name, kind: isTextKind(kind) ? kind : "log" };
}

export function baseName(path: string): string {
  const i = Math.max(path.lastIndexOf("/"), path.lastIndexOf("\\"));
  return i === -1 ? path : path.slice(i + 1);
}
