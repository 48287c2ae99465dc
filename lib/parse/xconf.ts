// `xconf_dump` text lines: `*c xConfiguration <Path words> <Leaf>: <value>` (text values quoted).

export type XconfEntry = {
  /** path words joined by one space, e.g. "EdgeConfigServer VerifyOriginServer" */
  key: string;
  /** unquoted value */
  value: string;
};

const MARK = "xConfiguration ";

export function parseXconfLine(line: string): XconfEntry | null {
  let i = line.indexOf(MARK);
  if (i === -1 || i > 8) return null;
  const lead = line.slice(0, i).trim();
  if (lead !== "" && lead !== "*c") return null;
  i += MARK.length;
  const sep = line.indexOf(":", i);
  if (sep === -1) return null;
  const key = line.slice(i, sep).trim().split(/\s+/).join(" ");
  if (key.length === 0 || key.indexOf('"') !== -1) return null;
  return { key, value: unquote(line.slice(sep + 1).trim()) };
}

export function unquote(raw: string): string {
  if (raw.length >= 2 && raw.charCodeAt(0) === 34 && raw.charCodeAt(raw.length - 1) === 34) {
    return raw.slice(1, -1).replace(/\\(["\\])/g, "$1");
  }
  return raw;
}
