// Why the reader will not analyse a bundle, in the words the user reads: thrown as BundleError by
// the server's reader, and shown by the upload page's peek when it can already tell. Browser-safe.
import type { BundleFile } from "@/lib/bundle/bundle-file";
import type { BundleErrorCode } from "@/lib/bundle/bundle-error";
import { describeBinary } from "@/lib/bundle/detect-format";
import { formatBytes } from "@/lib/bundle/limits";

export type ReadRefusal = { code: BundleErrorCode; message: string };

export const refusals = {
  emptyGzip: (): ReadRefusal => ({ code: "empty_file", message: "The file is gzip-compressed but decompresses to nothing." }),
  gzipHoldsNeither: (): ReadRefusal => ({
    code: "unsupported_format",
    message: "The file is gzip-compressed, but what it contains is neither a tar archive nor a text log. Upload the diagnostic log bundle (.tar.gz) as downloaded from the Expressway.",
  }),
  notABundle: (head: Uint8Array): ReadRefusal => {
    const what = describeBinary(head);
    return {
      code: "unsupported_format",
      message: `${what ? `This looks like ${what}, not` : "This is not"} an Expressway diagnostic bundle. Upload the .tar.gz file from Maintenance > Diagnostics > Diagnostic logging > Download log, or a single loggingsnapshot .txt file.`,
    };
  },
  gzipTruncated: (): ReadRefusal => ({
    code: "truncated",
    message: "The gzip data ends early: the file is truncated (the upload or download was cut off). Download the bundle again.",
  }),
  gzipCorrupt: (detail: string): ReadRefusal => ({ code: "corrupt", message: `The gzip data is corrupt (${detail}). Download the bundle again.` }),
  bomb: (ratio: number, compressed: number, decompressed: number): ReadRefusal => ({
    code: "decompression_bomb",
    message: `The file expands more than ${ratio} times (${formatBytes(compressed)} became over ${formatBytes(decompressed)}); real diagnostic logs do not compress like that, so reading was stopped.`,
  }),
  tooManyEntries: (max: number): ReadRefusal => ({
    code: "too_many_entries",
    message: `The archive has more than ${max} entries; an Expressway bundle has a handful. It was not analysed.`,
  }),
  tarCorrupt: (): ReadRefusal => ({ code: "corrupt", message: "The tar archive is corrupt (an entry header is invalid). Download the bundle again." }),
  tarTruncated: (): ReadRefusal => ({
    code: "truncated",
    message: "The tar archive ends in the middle of a file: the bundle is truncated (the upload or download was cut off). Download the bundle again.",
  }),
  /** No member the analysis reads lines from (see hasReadableFiles). */
  noExpresswayFiles: (files: readonly Pick<BundleFile, "name">[]): ReadRefusal => {
    const seen = files.length === 0 ? "no readable files" : `only ${files.slice(0, 5).map((f) => f.name).join(", ")}${files.length > 5 ? ", …" : ""}`;
    return {
      code: "no_expressway_files",
      message: `This archive has ${seen}. An Expressway diagnostic bundle contains loggingsnapshot_<host>_<date>.txt (the log), and usually xconf_dump_… and xstat_dump_… files; download it from Maintenance > Diagnostics > Diagnostic logging on the Expressway.`,
    };
  },
};
