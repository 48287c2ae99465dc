// PostgreSQL refuses U+0000 in text and jsonb ("unsupported Unicode escape sequence"), and a log cut by
// a crash is often padded with NULs, which the cards then quote. What goes into the database has them
// replaced by U+FFFD, the character a decoder gives for what it cannot read.

/** `value` (JSON data) with every NUL in its strings replaced by U+FFFD; the same object when it has none. */
export function withoutNul<T>(value: T): T {
  const json = JSON.stringify(value);
  if (json === undefined || !json.includes("\\u0000")) return value;
  // `\u0000` in JSON text is a NUL only when an even number of backslashes (escaped ones) precede it
  return JSON.parse(json.replace(/(?<!\\)((?:\\\\)*)\\u0000/g, "$1\\ufffd")) as T;
}
