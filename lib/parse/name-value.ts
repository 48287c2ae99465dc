// `Name="value"` pairs, the body of most Expressway log lines. Spacing varies, a pair may be
// followed by a colon (`Level="DEBUG":`), and values may contain spaces and colons.

export type NameValues = Record<string, string>;

function isNameChar(c: number): boolean {
  return (
    (c >= 97 && c <= 122) || // a-z
    (c >= 65 && c <= 90) || // A-Z
    (c >= 48 && c <= 57) || // 0-9
    c === 45 || // -
    c === 95 || // _
    c === 46 // .
  );
}

/** The closing quote is the first `"` followed by a space, a colon, a comma or the end. */
function findValueEnd(text: string, from: number): number {
  let i = from;
  for (;;) {
    const q = text.indexOf('"', i);
    if (q === -1) return -1;
    const next = text.charCodeAt(q + 1);
    if (q + 1 >= text.length || next === 32 || next === 58 || next === 44 || next === 9) return q;
    i = q + 1;
  }
}

/** Parses every pair from `start`; the first occurrence of a name wins. Junk between pairs is ignored. */
export function parseNameValues(text: string, start = 0): NameValues {
  const out: NameValues = Object.create(null);
  let pos = start;
  for (;;) {
    const eq = text.indexOf('="', pos);
    if (eq === -1) break;
    let nameStart = eq;
    while (nameStart > pos && isNameChar(text.charCodeAt(nameStart - 1))) nameStart--;
    const end = findValueEnd(text, eq + 2);
    if (end === -1) {
      // Unterminated value: take the rest of the line rather than lose it.
      if (nameStart < eq) {
        const name = text.slice(nameStart, eq);
        if (!(name in out)) out[name] = text.slice(eq + 2);
      }
      break;
    }
    if (nameStart < eq) {
      const name = text.slice(nameStart, eq);
      if (!(name in out)) out[name] = text.slice(eq + 2, end);
    }
    pos = end + 1;
  }
  return out;
}

/** `Name="` per name: findValue runs on every traffic_server line, so the key is not rebuilt each time. */
const searchKeys = new Map<string, string>();

/** One value without parsing the whole line (for hot paths that need a single field). */
export function findValue(text: string, name: string, start = 0): string | null {
  let needle = searchKeys.get(name);
  if (needle === undefined) searchKeys.set(name, (needle = `${name}="`));
  let i = text.indexOf(needle, start);
  while (i !== -1) {
    if (i === 0 || !isNameChar(text.charCodeAt(i - 1))) {
      const from = i + needle.length;
      const end = findValueEnd(text, from);
      return end === -1 ? text.slice(from) : text.slice(from, end);
    }
    i = text.indexOf(needle, i + 1);
  }
  return null;
}

/**
 * findValue for several names in one pass over the line: out[k] is what findValue(text, names[k], start)
 * gives (the first `Name="` at or after `start` not preceded by a name character, inside other values
 * too). For hot paths that read many pairs of one line.
 */
export function findValues(text: string, start: number, names: readonly string[], out: (string | null)[]): void {
  for (let k = 0; k < names.length; k++) out[k] = null;
  let left = names.length;
  let pos = start;
  while (left > 0) {
    const eq = text.indexOf('="', pos);
    if (eq === -1) return;
    pos = eq + 1;
    // the name before `="`: the run of name characters it ends
    let ns = eq;
    while (ns > 0 && isNameChar(text.charCodeAt(ns - 1))) ns--;
    if (ns < start || ns === eq) continue;
    const len = eq - ns;
    for (let k = 0; k < names.length; k++) {
      if (out[k] !== null || names[k].length !== len || !text.startsWith(names[k], ns)) continue;
      const from = eq + 2;
      const end = findValueEnd(text, from);
      out[k] = end === -1 ? text.slice(from) : text.slice(from, end);
      left--;
      break;
    }
  }
}
