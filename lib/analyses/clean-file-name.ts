// The uploaded file's name as the records keep it. Which uploads are taken is decided in
// lib/bundle/upload-verdict.ts, the same code the upload page runs.
import { decodeHeaderText, removeDisguises } from "@/lib/http/display-text";

/**
 * Basename only, raw UTF-8 read as UTF-8, nothing that disguises it on screen (bidi overrides, controls),
 * bounded length: the name is shown, never used as a path.
 */
export function cleanFileName(raw: string): string {
  let name = decodeHeaderText(raw);
  try {
    name = decodeURIComponent(name);
  } catch {
    // keep it as sent
  }
  name = name.split(/[\\/]/).pop() ?? "";
  name = removeDisguises(name).trim();
  return name.slice(-200);
}
