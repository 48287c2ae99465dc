// Finds the lines of a run of log text that hold one of a list of literal needles, one position per
// line. One regex alternation of forty needles cost 2.2 s per GiB (irregexp tries each alternative at
// each position); here the short needles, few and mostly upper case, stay one regex (fast: it skips
// ahead on their letters), and the long ones go through a Wu-Manber scan that jumps several
// characters at a time over text no needle can end in (~0.3 s per GiB).

/**
 * A literal substring that marks a line; `unless`: words that, found on the same line after it, mean
 * the line is not worth a look for this needle (e.g. `Search Completed` of an OPTIONS keep-alive, a
 * line that every keep-alive writes). Another needle on the line still marks it.
 */
export type Needle = string | { text: string; unless: readonly string[] };

/** Needles at least this long go through the skip scan; shorter ones through the regex. */
const LONG = 8;

const escape = (n: string) => n.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

export class NeedleFinder {
  private readonly short: RegExp | null;
  private readonly shortTexts: string[];
  private readonly skip: SkipScan | null;
  /** per needle text with `unless` words: the rest of its line searched for them (sticky, stops at a line end) */
  private readonly unless = new Map<string, RegExp>();
  private readonly a: number[] = [];
  private readonly b: number[] = [];

  constructor(needles: readonly Needle[]) {
    // A text excludes a line only by the words every needle of that text names (a plain one names none).
    const words = new Map<string, string[]>();
    for (const n of needles) {
      const [text, unless] = typeof n === "string" ? [n, []] : [n.text, n.unless];
      if (text.length === 0) continue;
      const known = words.get(text);
      words.set(text, known === undefined ? [...unless] : known.filter((w) => unless.includes(w)));
    }
    for (const [text, w] of words) if (w.length > 0) this.unless.set(text, new RegExp(`[^\\n]*?(?:${w.map(escape).join("|")})`, "y"));
    const texts = [...words.keys()];
    this.shortTexts = texts.filter((t) => t.length < LONG);
    this.short = this.shortTexts.length > 0 ? new RegExp(this.shortTexts.map(escape).join("|"), "g") : null;
    const long = texts.filter((t) => t.length >= LONG);
    this.skip = long.length > 0 ? new SkipScan(long) : null;
  }

  /** Fills `out` with one position per line of `text` that holds a needle, ascending; returns how many. */
  find(text: string, out: number[]): number {
    const na = this.short === null ? 0 : this.findShort(text, this.a);
    const nb = this.skip === null ? 0 : this.skip.find(text, this.b, this.unless);
    const a = this.a;
    const b = this.b;
    // merge (a line found by both keeps two positions: the tabler steps over the second)
    let i = 0;
    let j = 0;
    let n = 0;
    while (i < na && j < nb) out[n++] = a[i] <= b[j] ? a[i++] : b[j++];
    while (i < na) out[n++] = a[i++];
    while (j < nb) out[n++] = b[j++];
    return n;
  }

  private findShort(text: string, out: number[]): number {
    const re = this.short!;
    const checkUnless = this.unless.size > 0;
    let n = 0;
    re.lastIndex = 0;
    while (re.test(text)) {
      const end = re.lastIndex;
      if (checkUnless) {
        const start = this.excludedShort(text, end);
        if (start !== -1) {
          re.lastIndex = start + 1;
          continue;
        }
      }
      out[n++] = end - 1;
      // one mark per line is enough: go on from the next line
      const nl = text.indexOf("\n", end);
      if (nl === -1) break;
      re.lastIndex = nl + 1;
    }
    return n;
  }

  /** The start of the short needle ending at `end` when an unless word follows it on its line, else -1. */
  private excludedShort(text: string, end: number): number {
    for (const t of this.shortTexts) {
      const start = end - t.length;
      if (start < 0 || !text.startsWith(t, start)) continue;
      const rest = this.unless.get(t);
      if (rest === undefined) return -1;
      rest.lastIndex = end;
      return rest.test(text) ? start : -1;
    }
    return -1;
  }
}

/**
 * Wu-Manber over character pairs: each needle is known by a window of m characters (m: the shortest
 * needle's length), placed where its last pair is least common in log text; the scan looks at the pair
 * ending at `pos` and moves on by how far that pair stands from the end of any window (m - 1 for a pair
 * in none). Characters are Latin-1 (the run's text has one per byte), so a pair indexes 64 Ki entries.
 */
class SkipScan {
  private readonly m: number;
  private readonly shift: Uint8Array;
  private readonly heads = new Int32Array(65536).fill(-1);
  private readonly next: Int32Array;
  /** where each needle's window starts in it */
  private readonly offsets: Int32Array;

  constructor(private readonly texts: string[]) {
    const m = Math.min(255, ...texts.map((t) => t.length));
    this.m = m;
    this.shift = new Uint8Array(65536).fill(m - 1);
    this.next = new Int32Array(texts.length).fill(-1);
    this.offsets = new Int32Array(texts.length);
    texts.forEach((t, k) => {
      const o = bestWindow(t, m);
      this.offsets[k] = o;
      for (let j = 0; j < m - 1; j++) {
        const pair = ((t.charCodeAt(o + j) & 255) << 8) | (t.charCodeAt(o + j + 1) & 255);
        this.shift[pair] = Math.min(this.shift[pair], m - 2 - j);
      }
      const last = ((t.charCodeAt(o + m - 2) & 255) << 8) | (t.charCodeAt(o + m - 1) & 255);
      this.next[k] = this.heads[last];
      this.heads[last] = k;
    });
  }

  find(text: string, out: number[], unless: ReadonlyMap<string, RegExp>): number {
    const { m, shift, heads, next, offsets, texts } = this;
    const len = text.length;
    let n = 0;
    let pos = m - 1;
    while (pos < len) {
      const pair = (text.charCodeAt(pos - 1) << 8) | text.charCodeAt(pos);
      const s = shift[pair];
      if (s !== 0) {
        pos += s;
        continue;
      }
      let found = -1;
      for (let k = heads[pair]; k !== -1; k = next[k]) {
        const start = pos - (m - 1) - offsets[k];
        if (start < 0 || !text.startsWith(texts[k], start)) continue;
        const rest = unless.get(texts[k]);
        if (rest !== undefined) {
          rest.lastIndex = start + texts[k].length;
          if (rest.test(text)) continue;
        }
        found = start;
        break;
      }
      if (found === -1) {
        pos++;
        continue;
      }
      out[n++] = found;
      const nl = text.indexOf("\n", pos);
      if (nl === -1) break;
      pos = nl + m;
    }
    return n;
  }
}

/** How common a character is in log text, roughly: lower case, spaces and the pairs' `="` most. */
function commonness(c: number): number {
  if ((c >= 97 && c <= 122) || c === 32 || c === 34 || c === 61) return 4;
  if ((c >= 48 && c <= 57) || c === 45 || c === 58 || c === 46 || c === 44 || c === 47) return 3;
  if (c >= 65 && c <= 90) return 1;
  return 2;
}

/** The window of `m` characters whose last pair (then whose pairs in all) are least common. */
function bestWindow(t: string, m: number): number {
  let best = 0;
  let bestScore = Infinity;
  for (let o = 0; o + m <= t.length; o++) {
    let all = 0;
    for (let j = 0; j < m; j++) all += commonness(t.charCodeAt(o + j));
    const score = (commonness(t.charCodeAt(o + m - 2)) + commonness(t.charCodeAt(o + m - 1))) * 1000 + all;
    if (score < bestScore) {
      bestScore = score;
      best = o;
    }
  }
  return best;
}
