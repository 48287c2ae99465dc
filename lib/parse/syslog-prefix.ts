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
 * syslog prefix. Offsets are into `text`.
 */
export function scanSyslogPrefix(text: string, start: number, end: number, out: PrefixSpan): boolean {
  if (!timestampAt(text, start, end)) return false;
  const tsEnd = text.indexOf(" ", start);
  if (tsEnd === -1 || tsEnd >= end) return false;
  const hostStart = skipSpaces(text, tsEnd, end);
  const hostEnd = text.indexOf(" ", hostStart);
  if (hostEnd === -1 || hostEnd >= end) return false;
  const procStart = skipSpaces(text, hostEnd, end);
  let procEnd = text.indexOf(" ", procStart);
  if (procEnd === -1 || procEnd > end) procEnd = end;
  // The process token is `name[pid]:`, `name[pid]`, `name:` or `name`.
  let tokenEnd = procEnd;
  if (text.charCodeAt(tokenEnd - 1) === 58) tokenEnd--;
  // The token is short: look inside it only (indexOf would run on into the rest of the text).
  let nameEnd = tokenEnd;
  out.pidStart = -1;
  out.pidEnd = -1;
  for (let i = procStart; i < tokenEnd; i++) {
    const c = text.charCodeAt(i);
    if (c === 61) return false; // "=": a name="value" pair, not a process
    if (c === 91) {
      // "["
      nameEnd = i;
      for (let j = i + 1; j < tokenEnd; j++) {
        if (text.charCodeAt(j) === 93) {
          out.pidStart = i + 1;
          out.pidEnd = j;
          break;
        }
      }
      break;
    }
  }
  if (nameEnd <= procStart) return false;
  out.timestampEnd = tsEnd;
  out.hostStart = hostStart;
  out.hostEnd = hostEnd;
  out.processStart = procStart;
  out.processEnd = nameEnd;
  out.messageStart = skipSpaces(text, procEnd, end);
  return true;
}

const span = new PrefixSpan();

export function parseSyslogPrefix(line: string): SyslogPrefix | null {
  if (!scanSyslogPrefix(line, 0, line.length, span)) return null;
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
