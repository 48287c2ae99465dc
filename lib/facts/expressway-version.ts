// Expressway software versions ("X14.2.1", "X8.11.4", "X15.0"): parsing and ordering.

export type ExpresswayVersion = { major: number; minor: number; patch: number; text: string };

const VERSION_RE = /^\s*X?(\d{1,3})\.(\d{1,3})(?:\.(\d{1,4}))?/i;

export function parseExpresswayVersion(text: string | null | undefined): ExpresswayVersion | null {
  if (!text) return null;
  const m = VERSION_RE.exec(text);
  if (!m) return null;
  return { major: Number(m[1]), minor: Number(m[2]), patch: m[3] !== undefined ? Number(m[3]) : 0, text: text.trim() };
}

export function compareVersions(a: ExpresswayVersion, b: ExpresswayVersion): number {
  return a.major - b.major || a.minor - b.minor || a.patch - b.patch;
}

/** true when `version` is at or above major.minor[.patch] */
export function isAtLeast(version: ExpresswayVersion, major: number, minor: number, patch = 0): boolean {
  return compareVersions(version, { major, minor, patch, text: "" }) >= 0;
}
