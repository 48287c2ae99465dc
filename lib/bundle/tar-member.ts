// Which tar members a bundle is made of: regular files under a safe name, each with its kind.
// Links, devices and unsafe names are skipped with a note; directories silently. The server's
// reader and the upload page's peek list a bundle through this one decision.
import type { BundleFile } from "@/lib/bundle/bundle-file";
import { safeEntryName } from "@/lib/bundle/entry-name";
import { classifyFile } from "@/lib/bundle/file-kind";
import { quoteName } from "@/lib/bundle/notes";
import type { TarHeader } from "@/lib/bundle/tar-header";

const SKIPPED_TYPES: Partial<Record<TarHeader["type"], string>> = {
  symlink: "symbolic link",
  link: "hard link",
  "character-device": "character device",
  "block-device": "block device",
  fifo: "FIFO",
};

/** A file of the bundle, or why the member is not one (null: a directory, nothing to say). */
export type MemberVerdict = { file: BundleFile; note?: never } | { file?: never; note: string | null };

export function admitMember(header: TarHeader): MemberVerdict {
  const { type } = header;
  if (type === "directory") return { note: null };
  if (type !== "file" && type !== "contiguous-file") {
    return { note: `${SKIPPED_TYPES[type] ?? `entry of type ${type}`} skipped: ${quoteName(header.name)} (only regular files are read)` };
  }
  const name = safeEntryName(header.name);
  if (name === null) return { note: `unsafe entry name skipped: ${quoteName(header.name)}` };
  return { file: { name, size: header.size, kind: classifyFile(name) } };
}
