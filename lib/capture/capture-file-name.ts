// Which bundle entries are captures: the bundle model's rule (lib/bundle/file-kind.ts), so the
// file list the user sees and the captures this reader is given are the same files.
import { classifyFile } from "@/lib/bundle/file-kind";

export function isCaptureFileName(path: string): boolean {
  return classifyFile(path) === "capture";
}
