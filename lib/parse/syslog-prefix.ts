// The syslog-style prefix every Expressway log line starts with:
// `<ISO time with ms and offset> <host> <process>[<pid>]:` (pid and even the colon may be missing).
// One scanner finds the fields' positions; it works on a line inside a larger text (a chunk of a
// log) so the hot path can read prefixes without cutting each line out as a string first.

export type SyslogPrefix = {
  /** as written, e.g. "2024-03-05T04:12:52.358-05:00" */
  timestamp: string;
  host: string;
  process: string;
  pid: string | null;
  /** index in the line where the message (after the prefix and its spaces) begins */
  messageStart: number;
};

/** Where the prefix fields of one line lie in the text it was scanned in (end exclusive). */
export class PrefixSpan {
  timestampEnd = 0;
  hostStart = 0;
  hostEnd = 0;
  processStart = 0;
  processEnd = 0;
  /** -1 when the line has no [pid] */
  pidStart = -1;
  pidEnd = -1;
  messageStart = 0;
}

function isDigit(c: number): boolean {
  return c >= 48 && c <= 57;
}

/** Cheap check (no regex, no allocation) used on every line: "YYYY-MM-DDTHH:". */
export function startsWithTimestamp(line: string): boolean {
  return timestampAt(line, 0, line.length);
}

/** startsWithTimestamp for the line text[start, end). */
export function timestampAt(text: string, start: number, end: number): boolean {
  return (
    end - start >= 16 &&
    text.charCodeAt(start + 4) === 45 && // -
    text.charCodeAt(start + 7) === 45 && // -
    text.charCodeAt(start + 10) === 84 && // T
    text.charCodeAt(start + 13) === 58 && // :
    isDigit(text.charCodeAt(start)) &&
    isDigit(text.charCodeAt(start + 3)) &&
    isDigit(text.charCodeAt(start + 11))
  );
}

/**
 * Fills `out` with the prefix positions of the line text[start, end); false when the line has no
 * syslog prefix. Offsets are into `text`. Real logs vary (FORMATS.md "Real layouts"): the process
 * token may be missing (`<ts> <host> UTCTime="..."`, processStart === processEnd then), glued to
 * the message (`traffic_server[2030]:[ET_NET 1]WARNING:...`), or doubled by a relay (`tvcs: tvcs:`).
 */
export function scanSyslogPrefix(text: string, start: number, end: number, out: PrefixSpan): boolean {
  if (!timestampAt(text, start, end)) return false;
  const tsEnd = text.indexOf(" ", start);
  if (tsEnd === -1 || tsEnd >= end) return false;
  const hostStart = skipSpaces(text, tsEnd, end);
  const hostEnd = text.indexOf(" ", hostStart);
  if (hostEnd === -1 || hostEnd >= end || hostEnd === hostStart) return false;
  // a Name="value" pair right after the time: there is no host
  for (let i = hostStart; i < hostEnd; i++) if (text.charCodeAt(i) === 61) return false;
  const procStart = skipSpaces(text, hostEnd, end);
  out.timestampEnd = tsEnd;
  out.hostStart = hostStart;
  out.hostEnd = hostEnd;
  out.pidStart = -1;
  out.pidEnd = -1;
  // The process token is `name[pid]:`, `name[pid]`, `name:` or `name`; it ends at a space, or at
  // the colon after it when the message follows without one. The token is short: look inside it
  // only (indexOf would run on into the rest of the text).
  let nameEnd = -1;
  let tokenEnd = end;
  let messageFrom = end;
  for (let i = procStart; i < end; i++) {
    const c = text.charCodeAt(i);
    if (c === 32) {
      tokenEnd = i;
      messageFrom = i;
      break;
    }
    if (c === 61 || c === 34) {
      // "=" or a quote: a Name="value" pair, not a process
      return noProcess(out, procStart);
    }
    if (c === 91 && nameEnd === -1) {
      // "[": the pid follows
      nameEnd = i;
      let j = i + 1;
      while (j < end && text.charCodeAt(j) !== 93 && text.charCodeAt(j) !== 32) j++;
      if (j < end && text.charCodeAt(j) === 93) {
        out.pidStart = i + 1;
        out.pidEnd = j;
        i = j;
        continue;
      }
      return noProcess(out, procStart);
    }
    if (c === 58) {
      // ":" ends the token
      tokenEnd = i;
      messageFrom = i + 1;
      break;
    }
  }
  if (nameEnd === -1) nameEnd = tokenEnd;
  if (nameEnd <= procStart) return false;
  out.processStart = procStart;
  out.processEnd = nameEnd;
  out.messageStart = skipRelayedToken(text, skipSpaces(text, messageFrom, end), end, procStart, nameEnd);
  return true;
}

function noProcess(out: PrefixSpan, at: number): true {
  out.processStart = at;
  out.processEnd = at;
  out.pidStart = -1;
  out.pidEnd = -1;
  out.messageStart = at;
  return true;
}

/**
 * A second `word:` token before the pairs (`tvcs: tvcs: UTCTime=...` relayed, `httpd[15060]: web:
 * Event=...`) belongs to the prefix; `WARNING: Core server ...` does not (no pair follows it).
 */
function skipRelayedToken(text: string, at: number, end: number, procStart: number, procEnd: number): number {
  let i = at;
  while (i < end && i - at <= 32 && isWordChar(text.charCodeAt(i))) i++;
  if (i === at || i >= end - 1 || text.charCodeAt(i) !== 58 || text.charCodeAt(i + 1) !== 32) return at;
  const next = skipSpaces(text, i + 1, end);
  let same = i - at === procEnd - procStart;
  for (let k = 0; same && k < i - at; k++) same = text.charCodeAt(at + k) === text.charCodeAt(procStart + k);
  if (same || startsWithPair(text, next, end)) return next;
  return at;
}

function startsWithPair(text: string, at: number, end: number): boolean {
  let i = at;
  while (i < end && i - at <= 40 && isWordChar(text.charCodeAt(i))) i++;
  return i > at && text.charCodeAt(i) === 61 && text.charCodeAt(i + 1) === 34;
}

function isWordChar(c: number): boolean {
  return (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 57) || c === 95 || c === 45 || c === 46;
}

const span = new PrefixSpan();

export function parseSyslogPrefix(line: string): SyslogPrefix | null {
  if (!scanSyslogPrefix(line, 0, line.length, span)) return null;
  return syslogPrefixAt(line, span);
}

/** The prefix of `line` whose positions (from the line's start) a scan already found. */
export function syslogPrefixAt(line: string, span: PrefixSpan): SyslogPrefix {
  return {
    timestamp: line.slice(0, span.timestampEnd),
    host: line.slice(span.hostStart, span.hostEnd),
    process: line.slice(span.processStart, span.processEnd),
    pid: span.pidStart === -1 ? null : line.slice(span.pidStart, span.pidEnd),
    messageStart: span.messageStart,
  };
}

function skipSpaces(text: string, i: number, end: number): number {
  while (i < end && text.charCodeAt(i) === 32) i++;
  return i;
}

/** The second (and zone) of the last timestamp stampMs parsed, and its epoch ms without the fraction. */
let stampHead = "";
let stampTail = "";
let stampBase = NaN;

/**
 * Date.parse of a syslog timestamp (`2024-03-05T09:12:40.170+01:00`), with the part before the
 * milliseconds parsed once per second of log: consecutive lines share it, and Date.parse was a
 * noticeable share of reading each SIP line (lib/facts/sip/sip-collector.ts). Any other form goes
 * to Date.parse.
 */
export function stampMs(ts: string): number {
  if (ts.length < 23 || ts.charCodeAt(19) !== 46 || ts.charCodeAt(10) !== 84) return Date.parse(ts);
  let frac = 0;
  for (let i = 20; i < 23; i++) {
    const c = ts.charCodeAt(i);
    if (c < 48 || c > 57) return Date.parse(ts);
    frac = frac * 10 + (c - 48);
  }
  // a fourth digit: left to Date.parse, which decides how it rounds
  if (ts.length > 23) {
    const c = ts.charCodeAt(23);
    if (c >= 48 && c <= 57) return Date.parse(ts);
  }
  if (stampHead.length === 19 && ts.startsWith(stampHead) && ts.length - 23 === stampTail.length && ts.endsWith(stampTail)) return stampBase + frac;
  const ms = Date.parse(ts);
  if (Number.isNaN(ms)) return ms;
  stampHead = ts.slice(0, 19);
  stampTail = ts.slice(23);
  stampBase = ms - frac;
  return ms;
}
