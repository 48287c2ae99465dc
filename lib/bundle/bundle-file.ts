// What a bundle holds: its members by name, size and kind. Browser-safe (the upload page's peek and the
// server's reader classify with the same code) and part of the results contract (`bundle.files`).
import { z } from "zod";

export const FILE_KINDS = ["log", "xconf", "xstat", "capture", "certificate", "other"] as const;
export const fileKindSchema = z.enum(FILE_KINDS);
export type FileKind = z.infer<typeof fileKindSchema>;

export const bundleFileSchema = z.object({
  name: z.string(),
  size: z.number().nonnegative(),
  kind: fileKindSchema,
});
export type BundleFile = z.infer<typeof bundleFileSchema>;
