// What the reader understood of one log file, counted on the rows the scan already made: a line
// is a timestamped line of a family, a line of a message block (SIPMSG / HTTPMSG, in the tidy or the
// leading-space layout), blank, or not understood. A layout nobody taught the analyzer then shows
// as "N lines not understood" instead of findings silently missing. Bytes are looked at, strings
// are only made for the few samples (masked like the unexplained warnings' templates).
import type { TextChunk } from "@/lib/bundle/line-splitter";
import { maskLine } from "@/lib/facts/warning-templates";

const MAX_SAMPLES = 5;
/** families the checks depend on: their not-understood lines are counted by name */
const DEPENDED_ON = ["traffic_server", "network.sip"] as const;

export type ReadingCounts = {
  lines: number;
  messageLines: number;
  blankLines: number;
  longLines: number;
  notUnderstood: number;
  samples: { line: number; template: string }[];
  /** not-understood lines that name a family the checks depend on (e.g. a traffic_server line whose prefix could not be read) */
  unreadableFamilies: Record<string, number>;
};

const enum State {
  Idle,
  AfterHeader,
  InBlock,
}

export class ReadingCounter {
  private state = State.Idle;
  private readonly counts: ReadingCounts = { lines: 0, messageLines: 0, blankLines: 0, longLines: 0, notUnderstood: 0, samples: [], unreadableFamilies: {} };

  long(): void {
    this.counts.lines++;
    this.counts.longLines++;
    // what follows a skipped line cannot be placed in a block
    this.state = State.Idle;
  }

  /** A timestamped line; `prefixed` when its syslog prefix was read. */
  stamped(chunk: TextChunk, start: number, end: number, lineNo: number, prefixed: boolean): void {
    this.counts.lines++;
    if (!prefixed) {
      this.state = State.Idle;
      this.notUnderstood(chunk, start, end, lineNo);
      return;
    }
    this.state = endsWithMarker(chunk.buf, start, end) ? State.InBlock : State.AfterHeader;
  }

  /** A line without a timestamp. */
  unstamped(chunk: TextChunk, start: number, end: number, lineNo: number): void {
    this.counts.lines++;
    const buf = chunk.buf;
    const at = skipSpaces(buf, start, end);
    if (this.state === State.InBlock) {
      this.counts.messageLines++;
      const n = end - start;
      // a lone bar (` |` in the leading-space layout), or one glued to the last line, closes the block
      if ((at < end && buf[at] === 124 && skipSpaces(buf, at + 1, end) === end) || (n > 1 && buf[end - 1] === 124)) this.state = State.Idle;
      return;
    }
    if (at === end) {
      this.counts.blankLines++;
      return;
    }
    if (this.state === State.AfterHeader && startsWithMarker(buf, at, end)) {
      this.counts.messageLines++;
      this.state = State.InBlock;
      return;
    }
    // a marker must follow its entry's line directly: after a stray line none opens a block
    this.state = State.Idle;
    this.notUnderstood(chunk, start, end, lineNo);
  }

  finish(): ReadingCounts {
    return this.counts;
  }

  private notUnderstood(chunk: TextChunk, start: number, end: number, lineNo: number): void {
    const c = this.counts;
    c.notUnderstood++;
    const text = chunk.line(start, Math.min(end, start + 2000));
    for (const family of DEPENDED_ON) if (text.indexOf(family) !== -1) c.unreadableFamilies[family] = (c.unreadableFamilies[family] ?? 0) + 1;
    if (c.samples.length >= MAX_SAMPLES) return;
    const template = maskLine(text);
    if (!c.samples.some((s) => s.template === template)) c.samples.push({ line: lineNo, template });
  }
}

function skipSpaces(buf: Buffer, i: number, end: number): number {
  while (i < end && (buf[i] === 32 || buf[i] === 9 || buf[i] === 13)) i++;
  return i;
}

const HTTPMSG = Buffer.from("HTTPMSG:");
const SIPMSG = Buffer.from("SIPMSG:");

function startsWithMarker(buf: Buffer, at: number, end: number): boolean {
  return matchAt(buf, at, end, HTTPMSG) || matchAt(buf, at, end, SIPMSG);
}

/** The stamped line itself ends in ` HTTPMSG:` / ` SIPMSG:` (the block follows on the next lines). */
function endsWithMarker(buf: Buffer, start: number, end: number): boolean {
  let e = end;
  while (e > start && (buf[e - 1] === 32 || buf[e - 1] === 13)) e--;
  if (e - start < 8 || buf[e - 1] !== 58) return false;
  return matchAt(buf, e - HTTPMSG.length, e, HTTPMSG) || matchAt(buf, e - SIPMSG.length, e, SIPMSG);
}

function matchAt(buf: Buffer, at: number, end: number, word: Buffer): boolean {
  if (end - at < word.length || at < 0) return false;
  for (let k = 0; k < word.length; k++) if (buf[at + k] !== word[k]) return false;
  return true;
}
