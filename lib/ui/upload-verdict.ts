// Whether a chosen file may be sent, from what the browser check (lib/ui/peek-bundle.ts) found: a file
// the server would refuse, or whose analysis would fail (empty, not a bundle, truncated, corrupt, a
// gzip bomb…), is not sent; the peek's refusal says why in the server's own words. Warnings never block.
import type { PeekSummary } from "@/lib/ui/peek-bundle";

export type UploadVerdict = { blocked: false } | { blocked: true; code: string; message: string };

/** `size` alone decides an empty file, before the check has even run. */
export function uploadVerdict(size: number, peek: Pick<PeekSummary, "refusal"> | null): UploadVerdict {
  if (size === 0) return { blocked: true, code: "empty_file", message: "The file is empty (0 bytes): there is nothing to analyze in it." };
  if (peek?.refusal) return { blocked: true, code: peek.refusal.code, message: peek.refusal.message };
  return { blocked: false };
}
