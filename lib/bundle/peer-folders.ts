// An archive holding one folder per cluster peer (`expc1/loggingsnapshot_…`, `expc2/…`): the folders
// that each hold a peer's own Expressway files. Browser-safe and pure: the worker splits such an
// archive into one analysis per peer, the upload page says beforehand that it will.
import type { FileKind } from "@/lib/bundle/bundle-file";

const EXPRESSWAY_KINDS: ReadonlySet<FileKind> = new Set(["log", "xconf", "xstat"]);

/**
 * The top-level folders holding Expressway files, when there are two or more and no Expressway file
 * sits outside them; otherwise [] (a plain bundle, whatever its layout).
 */
export function peerFolders(files: readonly { name: string; kind: FileKind }[]): string[] {
  const folders = new Set<string>();
  for (const f of files) {
    if (!EXPRESSWAY_KINDS.has(f.kind)) continue;
    const name = f.name.replace(/^\.\//, "");
    const slash = name.indexOf("/");
    if (slash <= 0) return [];
    folders.add(name.slice(0, slash));
  }
  return folders.size >= 2 ? [...folders].sort() : [];
}

/** Is this entry inside that top-level folder? */
export function inFolder(name: string, folder: string): boolean {
  return name.replace(/^\.\//, "").startsWith(`${folder}/`);
}
