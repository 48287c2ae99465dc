// The syslog-style prefix every Expressway log line starts with:
// `<ISO time with ms and offset> <host> <process>[<pid>]:` (pid and even the colon may be missing).

export type SyslogPrefix = {
  /** as written, e.g. "2024-03-05T04:12:52.358-05:00" */
  timestamp: string;
  host: string;
  process: string;
  pid: string | null;
  /** index in the line where the message (after the prefix and its spaces) begins */
  messageStart: number;
};

function isDigit(c: number): boolean {
  return c >= 48 && c <= 57;
}

/** Cheap check (no regex, no allocation) used on every line: "YYYY-MM-DDTHH:". */
export function startsWithTimestamp(line: string): boolean {
  return (
    line.length >= 16 &&
    line.charCodeAt(4) === 45 && // -
    line.charCodeAt(7) === 45 && // -
    line.charCodeAt(10) === 84 && // T
    line.charCodeAt(13) === 58 && // :
    isDigit(line.charCodeAt(0)) &&
    isDigit(line.charCodeAt(3)) &&
    isDigit(line.charCodeAt(11))
  );
}

export function parseSyslogPrefix(line: string): SyslogPrefix | null {
  if (!startsWithTimestamp(line)) return null;
  const tsEnd = line.indexOf(" ");
  if (tsEnd === -1) return null;
  const hostStart = skipSpaces(line, tsEnd);
  const hostEnd = line.indexOf(" ", hostStart);
  if (hostEnd === -1) return null;
  const procStart = skipSpaces(line, hostEnd);
  let procEnd = line.indexOf(" ", procStart);
  if (procEnd === -1) procEnd = line.length;
  // The process token is `name[pid]:`, `name[pid]`, `name:` or `name`.
  let tokenEnd = procEnd;
  if (line.charCodeAt(tokenEnd - 1) === 58) tokenEnd--;
  let process: string;
  let pid: string | null = null;
  const bracket = line.indexOf("[", procStart);
  if (bracket !== -1 && bracket < tokenEnd) {
    process = line.slice(procStart, bracket);
    const close = line.indexOf("]", bracket);
    pid = close !== -1 && close < tokenEnd ? line.slice(bracket + 1, close) : null;
  } else {
    process = line.slice(procStart, tokenEnd);
  }
  if (process.length === 0 || process.indexOf("=") !== -1) return null;
  return {
    timestamp: line.slice(0, tsEnd),
    host: line.slice(hostStart, hostEnd),
    process,
    pid,
    messageStart: skipSpaces(line, procEnd),
  };
}

function skipSpaces(line: string, i: number): number {
  while (i < line.length && line.charCodeAt(i) === 32) i++;
  return i;
}
