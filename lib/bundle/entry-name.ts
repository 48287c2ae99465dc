// Tar member names are only ever used as labels (nothing is written to disk), but a name that
// would escape a directory is a sign of a crafted archive, so such members are skipped.

/** The normalised name, or null when the name is absolute or has a ".." segment. */
export function safeEntryName(raw: string): string | null {
  const unified = raw.replace(/\\/g, "/");
  if (unified.startsWith("/") || /^[A-Za-z]:/.test(unified)) return null;
  const parts: string[] = [];
  for (const seg of unified.split("/")) {
    if (seg === "..") return null;
    if (seg === "" || seg === ".") continue;
    parts.push(seg);
  }
  return parts.length === 0 ? null : parts.join("/");
}
