// A string cut from a log line (slice, a regex match) is, in V8, a view that keeps the whole line or
// message block alive: a call summary kept for the rest of an analysis would hold ~1 KB per 30-byte
// Call-ID. What outlives its entry is copied with own().

/** `s` as a string of its own, holding nothing it was cut from (V8 copies strings under 13 characters anyway). */
export function own(s: string): string {
  return s.length < 13 ? s : (" " + s).slice(1);
}

export function ownOrNull(s: string | null): string | null {
  return s === null ? null : own(s);
}

/** Words many kept records repeat (codecs, media types, transports): one copy each, up to this many. */
const MAX_WORDS = 4096;
const words = new Map<string, string>();

/** `s` as the one shared copy of that word (own()'s copy once MAX_WORDS are known): for short vocabulary. */
export function word(s: string): string {
  const known = words.get(s);
  if (known !== undefined) return known;
  const mine = own(s);
  if (words.size < MAX_WORDS && s.length <= 64) words.set(mine, mine);
  return mine;
}
