import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { TextChunk } from "@/lib/bundle/line-splitter";
import { type LogEntry, LogReader } from "@/lib/parse/log-reader";
import { startsWithTimestamp } from "@/lib/parse/syslog-prefix";

function read(text: string, options?: ConstructorParameters<typeof LogReader>[1]): LogEntry[] {
  const out: LogEntry[] = [];
  const r = new LogReader((e) => out.push(e), options);
  text.split("\n").forEach((l, i) => r.push(l, i + 1));
  r.end();
  return out;
}

describe("log reader (multi-line blocks)", () => {
  it("attaches HTTPMSG lines to their entry, strips the bar, and closes on a lone bar", () => {
    const entries = read(
      [
        '2024-03-05T04:12:52.314-05:00 expc1 traffic_server[2030]: Detail="Sending Request" Txn-id="181"',
        "HTTPMSG:",
        "|GET /cucm-uds/user/bwayne/devices HTTP/1.1",
        "|Host: cucm-pub.acme.test:8443",
        "|",
        "2024-03-05T04:12:52.324-05:00 expc1 tvcs: Event=\"x\"",
      ].join("\n"),
    );
    assert.equal(entries.length, 2);
    const b = entries[0].block!;
    assert.equal(b.marker, "HTTPMSG");
    assert.equal(b.firstLine, 3);
    assert.deepEqual(b.lines, ["GET /cucm-uds/user/bwayne/devices HTTP/1.1", "Host: cucm-pub.acme.test:8443"]);
    assert.equal(b.firstRaw, "|GET /cucm-uds/user/bwayne/devices HTTP/1.1");
    assert.equal(entries[1].block, null);
  });

  it("ends a block without a closing bar at the next timestamped line", () => {
    const entries = read(
      [
        '2024-03-05T04:12:52.398-05:00 expc1 traffic_server[2030]: Detail="Sending Response" Txn-id="182"',
        "HTTPMSG:",
        "|HTTP/1.1 502 connect failed",
        "|Content-Length: 0",
        "2024-03-05T04:12:52.400-05:00 expc1 traffic_server[2030]: [ET_NET 1] ERROR: x",
      ].join("\n"),
    );
    assert.equal(entries.length, 2);
    assert.deepEqual(entries[0].block!.lines, ["HTTP/1.1 502 connect failed", "Content-Length: 0"]);
    assert.equal(entries[1].line, 5);
  });

  it("keeps SIP lines that have no bar prefix", () => {
    const entries = read(
      [
        '2024-03-05T04:12:40.656-05:00 expc1 tvcs: Module="network.sip" Level="DEBUG":  Action="Received"',
        "SIPMSG:",
        "|OPTIONS sip:10.48.36.210:5061;transport=tls SIP/2.0",
        "Via: SIP/2.0/TLS 10.48.36.215:5061",
        "|",
      ].join("\n"),
    );
    assert.equal(entries[0].block!.marker, "SIPMSG");
    assert.equal(entries[0].block!.lineCount, 2);
    assert.equal(entries[0].block!.lines[1], "Via: SIP/2.0/TLS 10.48.36.215:5061");
  });

  it("counts but does not keep the lines of blocks it was told to skip", () => {
    const entries = read('2024-03-05T04:12:40.656-05:00 expc1 tvcs: A="1"\nSIPMSG:\n|a\n|b\n|', { keepBlock: (p) => p.process === "traffic_server" });
    assert.equal(entries[0].block!.lineCount, 2);
    assert.deepEqual(entries[0].block!.lines, []);
  });

  it("tolerates junk lines outside blocks", () => {
    const r = new LogReader(() => {});
    r.push("garbage", 1);
    r.push("|", 2);
    r.push("HTTPMSG:", 3);
    r.end();
    assert.equal(r.strayLines, 3);
  });
});

/** Feeds `text` as chunks cut at `cuts` (byte offsets at line starts), the way the collectors do: positions in a chunk. */
function readChunks(text: string, cuts: number[] = [], options?: ConstructorParameters<typeof LogReader>[1]): LogEntry[] {
  const out: LogEntry[] = [];
  const r = new LogReader((e) => out.push(e), options);
  const buf = Buffer.from(text, "latin1");
  const bounds = [0, ...cuts, buf.length];
  let lineNo = 0;
  for (let k = 0; k + 1 < bounds.length; k++) {
    const chunk = new TextChunk(buf.subarray(bounds[k], bounds[k + 1]), true);
    let at = 0;
    while (at < chunk.buf.length) {
      let lf = chunk.buf.indexOf(10, at);
      if (lf === -1) lf = chunk.buf.length;
      const end = lf > at && chunk.buf[lf - 1] === 13 ? lf - 1 : lf;
      const line = chunk.line(at, end);
      lineNo++;
      if (startsWithTimestamp(line)) r.pushHeader(line, lineNo);
      else r.pushMessageLine(chunk, at, end, lineNo);
      at = lf + 1;
    }
  }
  r.end();
  return out;
}

describe("log reader (blocks kept as positions in their chunk)", () => {
  // TN 212383's leading-space layout: a SIPMSG block whose lines are led by a space, ` |` first
  const LINES = [
    '2024-03-05T04:12:52.314-05:00 vcsc1 tvcs: UTCTime="2024-03-05 09:12:52,314" Module="network.sip" Level="DEBUG":  Action="Received" Msg-Hash="1"',
    " SIPMSG:",
    " |OPTIONS sip:10.81.54.102:5061;transport=tls SIP/2.0",
    " Via: SIP/2.0/TLS 10.81.54.20:5061;branch=z9hG4bK1\rx",
    " CSeq: 101 OPTIONS",
    " |",
    '2024-03-05T04:12:52.324-05:00 vcsc1 tvcs: Event="x"',
  ];
  const expected = { lines: ["OPTIONS sip:10.81.54.102:5061;transport=tls SIP/2.0", "Via: SIP/2.0/TLS 10.81.54.20:5061;branch=z9hG4bK1\rx", "CSeq: 101 OPTIONS"], firstRaw: " |OPTIONS sip:10.81.54.102:5061;transport=tls SIP/2.0" };

  for (const eol of ["\n", "\r\n"]) {
    it(`reads the same lines as from strings (${eol === "\n" ? "LF" : "CRLF"}, a CR inside a line kept)`, () => {
      const text = LINES.join(eol);
      const [a] = readChunks(text);
      const b = a.block!;
      assert.equal(b.lineHas(2, "CSeq:", " OPTIONS"), true);
      assert.equal(b.lineHas(1, "Via:"), true);
      assert.equal(b.lineHas(1, "CSeq:"), false);
      assert.equal(b.lineHas(2, "CSeq:"), true);
      assert.equal(b.lineHas(0, "OPTIONS sip:"), true);
      assert.equal(b.lineHas(3, "CSeq:"), false);
      assert.equal(b.lineHas(2, "CSeq:", " INVITE"), false);
      assert.equal(b.firstRaw, expected.firstRaw);
      assert.deepEqual(b.lines, expected.lines);
      assert.equal(b.rawText(), LINES.slice(2, 5).join(eol));
      assert.deepEqual(read(LINES.join("\n"))[0].block!.lines, expected.lines);
    });
  }

  it("reads a block cut by a chunk's end", () => {
    const text = LINES.join("\n");
    for (let line = 3; line <= 5; line++) {
      const cut = LINES.slice(0, line).join("\n").length + 1;
      const [a] = readChunks(text, [cut]);
      assert.deepEqual(a.block!.lines, expected.lines, `cut before line ${line + 1}`);
      assert.equal(a.block!.firstRaw, expected.firstRaw);
      assert.equal(a.block!.lineHas(2, "CSeq:", " OPTIONS"), true);
      assert.equal(a.block!.rawText(), LINES.slice(2, 5).join("\n"));
    }
  });

  it("keeps only maxBlockLines of a run, and its first line as written", () => {
    const [a] = readChunks(LINES.join("\n"), [], { maxBlockLines: 1 });
    assert.deepEqual(a.block!.lines, [expected.lines[0]]);
    assert.equal(a.block!.firstRaw, expected.firstRaw);
    assert.equal(a.block!.lineCount, 3);
  });
});
