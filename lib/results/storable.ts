// PostgreSQL refuses some strings JavaScript holds: U+0000 in text and jsonb ("unsupported Unicode escape
// sequence"), and in jsonb a lone surrogate ("invalid input syntax for type json"). A log cut by a crash is
// often padded with NULs that the cards then quote, and a line clipped for evidence can end half-way
// through an emoji's surrogate pair. What goes into the database has them replaced by U+FFFD, the
// character a decoder gives for what it cannot read.

/** In JSON.stringify's output, a NUL or a lone surrogate is an escape (a valid pair is written as is), when an even number of backslashes precede it. */
const UNSTORABLE = /(?<!\\)((?:\\\\)*)\\u(?:0000|d[89a-f][0-9a-f]{2})/g;

/** `value` (JSON data) with every NUL and lone surrogate in its strings replaced by U+FFFD; the same object when it has none. */
export function storable<T>(value: T): T {
  const json = JSON.stringify(value);
  if (json === undefined || !(json.includes("\\u0000") || /\\ud[89a-f]/.test(json))) return value;
  return JSON.parse(json.replace(UNSTORABLE, "$1\\ufffd")) as T;
}
