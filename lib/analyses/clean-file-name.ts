// The uploaded file's name as the records keep it. Which uploads are taken is decided in
// lib/bundle/upload-verdict.ts, the same code the upload page runs.

/** Basename only, no control characters, bounded length: the name is shown, never used as a path. */
export function cleanFileName(raw: string): string {
  let name = raw;
  try {
    name = decodeURIComponent(raw);
  } catch {
    // keep it as sent
  }
  name = name.split(/[\\/]/).pop() ?? "";
  name = name.replace(/[\u0000-\u001f\u007f]/g, "").trim();
  return name.slice(-200);
}
