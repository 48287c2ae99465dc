// Classifies a bundle member by its name (the content is never sniffed for this).
import type { FileKind } from "@/lib/bundle/bundle-file";

export function classifyFile(path: string): FileKind {
  const base = baseName(path).toLowerCase();
  if (base.startsWith("xconf_dump")) return "xconf";
  if (base.startsWith("xstat_dump")) return "xstat";
  if (base.endsWith(".pcap") || base.endsWith(".pcapng") || base.endsWith(".cap")) return "capture";
  if (base.endsWith(".pem") || base.endsWith(".crt") || base.endsWith(".cer")) return "certificate";
  if (base.startsWith("loggingsnapshot") && (base.endsWith(".txt") || base.endsWith(".log"))) return "log";
  if (base.endsWith(".log")) return "log";
  return "other";
}

/** Kinds whose lines the analysis reads; everything else is drained unread. */
export function isTextKind(kind: FileKind): boolean {
  return kind === "log" || kind === "xconf" || kind === "xstat";
}

export function baseName(path: string): string {
  const i = Math.max(path.lastIndexOf("/"), path.lastIndexOf("\\"));
  return i === -1 ? path : path.slice(i + 1);
}
