// The thread that matches a search against a file's lines (lib/analyses/search-analysis-lines.ts sends
// it the inflated bytes). A regex runs here, not on the web server's event loop, so one that backtracks
// for ever only costs this thread, which is terminated when a chunk takes too long. The source is handed
// to the Worker as a string (eval), so it needs no bundling: the function below must stay
// self-contained (no imports, no outer names, node's modules through process.getBuiltinModule).

/* eslint-disable */
function searchLinesWorker() {
  // not require(): a bundler (Next's) rewrites those into its own module table, which the worker lacks
  const getBuiltin = (process as unknown as { getBuiltinModule: (id: string) => any }).getBuiltinModule;
  const { parentPort } = getBuiltin("node:worker_threads");
  const { isAscii } = getBuiltin("node:buffer");
  const KEEP = 16 * 1024;
  const CARRY_MAX = 2 * 1024 * 1024;
  const RANK: Record<string, number> = { TRACE: 0, DIAG: 0, DEBUG: 1, INFO: 2, NOTICE: 2, NOTE: 2, STATUS: 2, WARN: 3, WARNING: 3, ERROR: 4, CRITICAL: 5, FATAL: 5, ALERT: 5, EMERGENCY: 5 };
  let matcher: RegExp | null = null;
  let minLevel = -1;
  let processName: string | null = null;
  let moduleName: string | null = null;
  let line = 1;
  let from = 1;
  let to = Infinity;
  let carry: Buffer | null = null;
  let overlong = false;

  function quoted(s: string, key: string): string | null {
    const i = s.indexOf(key);
    if (i === -1) return null;
    const j = s.indexOf('"', i + key.length);
    return s.slice(i + key.length, j === -1 ? s.length : j);
  }

  function processOf(s: string): string | null {
    const c = s.charCodeAt(0);
    if (!(c >= 48 && c <= 57) || s.charCodeAt(4) !== 45) return null;
    const a = s.indexOf(" ");
    const b = a === -1 ? -1 : s.indexOf(" ", a + 1);
    if (b === -1) return null;
    let e = s.indexOf(" ", b + 1);
    if (e === -1) e = s.length;
    let tok = s.slice(b + 1, e);
    if (tok.endsWith(":")) tok = tok.slice(0, -1);
    const br = tok.indexOf("[");
    if (br !== -1) tok = tok.slice(0, br);
    return tok.indexOf("=") === -1 && tok.length > 0 ? tok : null;
  }

  // traffic_server's own lines carry no Level="…" but a diagnostic tag: "[ET_NET 3] WARNING: …"
  const NATIVE_LEVEL = /\] (EMERGENCY|ALERT|FATAL|ERROR|WARNING|NOTE|STATUS|DIAG|DEBUG): /;

  function levelOf(s: string): string | null {
    const level = quoted(s, 'Level="');
    if (level !== null) return level.trim().toUpperCase();
    const m = NATIVE_LEVEL.exec(s.length > 300 ? s.slice(0, 300) : s);
    return m === null ? null : m[1];
  }

  function wanted(s: string): boolean {
    if (minLevel >= 0) {
      const level = levelOf(s);
      const rank = level === null ? undefined : RANK[level];
      if (rank === undefined || rank < minLevel) return false;
    }
    if (processName !== null && (processOf(s) ?? "").toLowerCase() !== processName) return false;
    if (moduleName !== null) {
      const m = (quoted(s, 'Module="') ?? "").toLowerCase();
      if (m !== moduleName && !m.startsWith(moduleName + ".")) return false;
    }
    if (matcher !== null) {
      matcher.lastIndex = 0;
      if (!matcher.test(s)) return false;
    }
    return true;
  }

  function scan(text: string, matches: { n: number; text: string; truncated?: boolean }[]): void {
    let at = 0;
    const len = text.length;
    while (at < len) {
      let nl = text.indexOf("\n", at);
      if (nl === -1) nl = len;
      if (line >= from && line < to) {
        let s = text.slice(at, nl > at && text.charCodeAt(nl - 1) === 13 ? nl - 1 : nl);
        if (wanted(s)) {
          if (s.length > KEEP) matches.push({ n: line, text: s.slice(0, KEEP), truncated: true });
          else matches.push({ n: line, text: s });
        }
      }
      line++;
      at = nl + 1;
    }
  }

  function decode(buf: Buffer, end: number): string {
    return buf.toString(isAscii(buf.subarray(0, end)) ? "latin1" : "utf8", 0, end);
  }

  parentPort.on("message", (msg: any) => {
    if (msg.type === "init") {
      matcher = msg.pattern === null ? null : new RegExp(msg.pattern, msg.flags);
      minLevel = msg.level === null ? -1 : (RANK[String(msg.level).toUpperCase()] ?? -1);
      processName = msg.process === null ? null : String(msg.process).toLowerCase();
      moduleName = msg.module === null ? null : String(msg.module).toLowerCase();
      return;
    }
    if (msg.type === "range") {
      line = msg.firstLine;
      from = msg.from;
      to = msg.to;
      carry = null;
      overlong = false;
      return;
    }
    const matches: { n: number; text: string; truncated?: boolean }[] = [];
    if (msg.type === "chunk") {
      let data: Buffer = Buffer.from(msg.buf.buffer, msg.buf.byteOffset, msg.buf.byteLength);
      if (overlong) {
        // the rest of a line longer than CARRY_MAX: only its first KEEP bytes are matched
        const nl = data.indexOf(10);
        if (nl === -1) {
          parentPort.postMessage({ matches, line });
          return;
        }
        overlong = false;
        data = Buffer.concat([carry as Buffer, Buffer.from("\n"), data.subarray(nl + 1)]);
        carry = null;
      }
      if (carry !== null) data = Buffer.concat([carry, data]);
      const last = data.lastIndexOf(10);
      if (last === -1) {
        carry = data.length > CARRY_MAX ? Buffer.from(data.subarray(0, KEEP)) : data;
        overlong = data.length > CARRY_MAX;
      } else {
        scan(decode(data, last + 1), matches);
        carry = last + 1 < data.length ? Buffer.from(data.subarray(last + 1)) : null;
      }
    } else if (msg.type === "end") {
      if (carry !== null && carry.length > 0) scan(decode(carry, carry.length), matches);
      carry = null;
    }
    parentPort.postMessage({ matches, line });
  });
}

/** The worker's source for `new Worker(source, { eval: true })`; `__name` is what tsx's keepNames may add. */
export const SEARCH_LINES_WORKER_SOURCE = `var __name = (f) => f;\n(${searchLinesWorker.toString()})();\n`;
