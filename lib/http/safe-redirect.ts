// Where a visitor may be sent after signing in: a path on this site, nothing else. `?next=` comes from the
// address bar, so it is hostile until proven otherwise. Browsers drop tabs and newlines from URLs and read
// `\` as `/`, so `/\t/evil.example` and `/\evil.example` are the same as `//evil.example`: another site.
// Instead of listing what is dangerous, this accepts only printable ASCII that, resolved against a
// placeholder origin, stays on that origin, and returns the normalised path (the Location header then
// never holds a character it cannot carry). Used by the sign-in and sign-up pages and their form.
const PLACEHOLDER = "http://portal.invalid";
const MAX_LENGTH = 2048;

export function safeRedirect(next: string | null | undefined, fallback = "/"): string {
  if (typeof next !== "string" || next.length === 0 || next.length > MAX_LENGTH) return fallback;
  // printable ASCII only: no controls (tab, CR, LF, NUL), no spaces, nothing a header cannot carry
  if (!/^[\x21-\x7e]+$/.test(next)) return fallback;
  if (next[0] !== "/" || next[1] === "/" || next[1] === "\\") return fallback;
  if (next.includes("\\")) return fallback;
  let url: URL;
  try {
    url = new URL(next, PLACEHOLDER);
  } catch {
    return fallback;
  }
  if (url.origin !== PLACEHOLDER) return fallback;
  const path = url.pathname + url.search + url.hash;
  // A path whose first segment decodes to a slash (`/%2f/evil`) is still a path here, but keep it from
  // looking like a network-path reference to anything that decodes before following it.
  if (/^\/(%2f|%5c)/i.test(path)) return fallback;
  return path;
}
