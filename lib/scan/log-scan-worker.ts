// The scanning thread of an analysis (see log-feed.ts): splits a log file's bytes into lines and
// tables them while the main thread runs the collectors on the tables before.
import { parentPort } from "node:worker_threads";
import { LineScanner } from "@/lib/bundle/line-splitter";
import { LineTabler, type RunTable } from "@/lib/scan/log-table";
import type { ScanReply, ScanRequest } from "@/lib/scan/log-feed";

let tabler: LineTabler | null = null;
let scanner: LineScanner | null = null;
/** the memory of the chunk being scanned: runs inside it go back by moving it */
let received: ArrayBufferLike | null = null;

parentPort!.on("message", (m: ScanRequest) => {
  if (m.type === "file") {
    const t = (tabler = new LineTabler(m.needles));
    scanner = new LineScanner(m.maxLineBytes, t, (lineNo, bytes) => t.long(lineNo, bytes));
  } else if (m.type === "chunk") {
    received = m.bytes.buffer;
    scanner!.push(Buffer.from(m.bytes.buffer, m.bytes.byteOffset, m.bytes.byteLength));
    send({ type: "tables", tables: tabler!.take() });
  } else if (m.type === "close") {
    parentPort!.close();
  } else {
    scanner!.end();
    send({ type: "tables", tables: tabler!.take(), lines: scanner!.lines });
    scanner = null;
  }
});

/** Tables go back with their bytes moved, not copied: the chunk's own memory, or a copy of a joined line. */
function send(reply: ScanReply): void {
  const moved = new Set<ArrayBufferLike>();
  for (const t of reply.tables) {
    if (t.buf.buffer !== received && t.buf.byteLength > 0) {
      // a line joined across chunks may sit in Node's shared pool, which must stay here
      const copy = new Uint8Array(t.buf.byteLength);
      copy.set(t.buf);
      t.buf = Buffer.from(copy.buffer);
    }
    if (t.buf.byteLength > 0) moved.add(t.buf.buffer);
    moved.add(t.rows.buffer);
  }
  received = null;
  parentPort!.postMessage(reply, [...moved] as ArrayBuffer[]);
}
