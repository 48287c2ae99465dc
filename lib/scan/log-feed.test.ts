import assert from "node:assert/strict";
import { after, describe, it } from "node:test";
import { readBundle } from "@/lib/bundle/read-bundle";
import { createFactsCollector } from "@/lib/facts/collect-facts";
import { LineScanner } from "@/lib/bundle/line-splitter";
import { LineTabler, MARKED, PACKED, ROW, unpackPrefix, type RunTable } from "@/lib/scan/log-table";
import { PrefixSpan, parseSyslogPrefix, syslogPrefixAt } from "@/lib/parse/syslog-prefix";
import * as realLayouts from "@/tests/fixtures/real-layouts/lines";
import { inlineLineFeed } from "@/lib/scan/log-feed";
import type { EntrySubscriber } from "@/lib/scan/subscriber";
import type { LogEntry } from "@/lib/parse/log-reader";
import { LINE_NEEDLES, LogFileLines } from "@/lib/facts/log-lines";
import { LineContext } from "@/lib/facts/line-context";
import { LogEventCollector } from "@/lib/facts/log-events";
import { SystemCollector } from "@/lib/facts/system-facts";
import { WarningCollector } from "@/lib/facts/warning-templates";
import { syntheticLog } from "@/lib/pipeline/synthetic-log";
import { SIGNATURES } from "@/lib/signatures/registry";
import { SipCollector } from "@/lib/facts/sip/sip-collector";
import { collectSip } from "@/lib/facts/sip/sip-test-support";

const saved = process.env.ANALYZER_SCAN_THREAD;
after(() => {
  if (saved === undefined) delete process.env.ANALYZER_SCAN_THREAD;
  else process.env.ANALYZER_SCAN_THREAD = saved;
});

/** A log with what breaks line scanners: CRLF, Latin-1 and UTF-8 names, a long line, needles inside blocks, no final newline. */
async function messyLog(): Promise<Buffer> {
  const parts: Buffer[] = [];
  for await (const c of syntheticLog(600 * 1024, { failureEvery: 40 })) parts.push(c);
  const ts = "2024-03-05T04:20:00.000-05:00 expc1";
  parts.push(
    Buffer.from(`${ts} tvcs: Event="Login" User="`),
    Buffer.from([0x4d, 0xfc, 0x6c, 0x6c, 0x65, 0x72]), // Müller in Latin-1
    Buffer.from(`" Level="WARN" Detail="x"\r\n${ts} web: User="Zoë" Detail="Version=X14.3.1"\r\n`),
    Buffer.from(`${ts} traffic_server[2031]: UTCTime="u" Module="network.http.trafficserver" Level="DEBUG": Detail="Sending Response" Txn-id="9"\nHTTPMSG:\n|HTTP/1.1 401 Unauthorized\n|WWW-Authenticate: x\n|\n`),
    Buffer.from(`${ts} tvcs: Detail="${"y".repeat(3000)}"\n`),
    Buffer.from(`no prefix at all, but alert unknown ca\n${ts} XCP_CM2[12]: Unable to connect to host imp:7400 ERROR: x\n`),
    Buffer.from(`${ts} edgeconfigprovisioning: Invalid SAML Response for _collab-edge`),
  );
  return Buffer.concat(parts);
}

async function* pieces(buf: Buffer, size: number): AsyncGenerator<Buffer> {
  for (let i = 0; i < buf.length; i += size) yield buf.subarray(i, i + size);
}

async function factsJson(log: Buffer, chunkSize: number, thread: "0" | "1"): Promise<string> {
  process.env.ANALYZER_SCAN_THREAD = thread;
  const c = createFactsCollector();
  try {
    const name = "loggingsnapshot_expc1_2024-03-05_09_12_40.txt";
    const read = await readBundle(pieces(log, chunkSize), name, { visitor: c.visitor, limits: { maxLineBytes: 2048 } });
    const facts = c.finish(read, name);
    return JSON.stringify(facts, (_k, v) => (v instanceof Map ? [...v] : v));
  } finally {
    await c.close();
  }
}

describe("log feed (scanning inline or on a thread)", () => {
  it("gives the same facts on a thread as inline, whatever the chunk sizes", async () => {
    const log = await messyLog();
    const reference = await factsJson(log, log.length, "0");
    const facts = JSON.parse(reference);
    // the fixture exercises what it should
    assert.ok(facts.trafficServer.failureCount > 0);
    assert.ok(facts.notes.some((n: string) => /line was skipped/.test(n)));
    assert.ok(facts.events.counts.saml >= 1 && facts.events.counts.http_401 >= 1 && facts.events.counts.tls_unknown_ca === 1);
    assert.ok(facts.warnings.groups.some((g: { sample: { text: string } }) => g.sample.text.includes("Müller")));
    for (const [size, thread] of [
      [997, "0"],
      [7, "0"],
      [65_536, "1"],
      [4093, "1"],
      [1 << 20, "1"],
    ] as const) {
      assert.equal(await factsJson(log, size, thread), reference, `${size}-byte chunks, thread ${thread}`);
    }
  });

  it("marks every line that holds a needle, wherever it sits in the line, and no other", () => {
    const texts = LINE_NEEDLES.map((n) => (typeof n === "string" ? n : n.text));
    const lines = texts.flatMap((n, i) => [`2024-03-05T04:20:00.000-05:00 expc1 tvcs: Detail="${"z".repeat(i)}${n}" end`, `|${n}`, "|plain", "2024-03-05T04:20:00.000-05:00 expc1 tvcs: plain"]);
    const tabler = new LineTabler(LINE_NEEDLES);
    const scanner = new LineScanner(1 << 20, tabler, (n, b) => tabler.long(n, b));
    const text = Buffer.from(lines.join("\n"));
    for (let i = 0; i < text.length; i += 100) scanner.push(text.subarray(i, i + 100));
    scanner.end();
    const marked: number[] = [];
    for (const t of tabler.take()) {
      for (let r = 0; r < t.count * ROW; r += ROW) if (t.rows[r + 3] & MARKED) marked.push(t.rows[r + 2]);
    }
    assert.deepEqual(marked, texts.flatMap((_n, i) => [4 * i + 1, 4 * i + 2]));
  });

  it("reaches every phrase a signature declares: through the needle scan, or as part of a traffic_server entry", () => {
    // traffic_server's entries all go to its collector, whatever they say
    const viaTrafficServer = new Set(["Core server certificate verification failed", "not in certificate", "SSL connection failed for", "502 connect failed"]);
    // the kernel's entries all go to the memory collector (lib/facts/memory-facts.ts)
    const viaKernelEntries = new Set(["invoked oom-killer", "Out of memory"]);
    const declared = SIGNATURES.flatMap((s) => s.needles ?? []);
    assert.ok(declared.length > 10);
    for (const needle of declared) {
      // network.sip entries all go to the call engine's subscriber: its summary lines' verbs and fields
      const viaSipEntries = /^(Response Code=\d{3}|Method=[A-Z]+)$/.test(needle);
      assert.ok(LINE_NEEDLES.some((k) => needle.includes(typeof k === "string" ? k : k.text)) || viaTrafficServer.has(needle) || viaKernelEntries.has(needle) || viaSipEntries, `no scan finds "${needle}"`);
    }
  });
});

/** A subscriber that records what it is given. */
function recorder(name: string, wants: { process?: string; module?: string }, maxBlockLines = 64): EntrySubscriber & { entries: LogEntry[]; ended: string[] } {
  const entries: LogEntry[] = [];
  const ended: string[] = [];
  return {
    name,
    entries,
    ended,
    reader: { maxBlockLines },
    wantsProcess: wants.process ? (p) => p === wants.process : undefined,
    wantsModule: wants.module ? (m) => m === wants.module : undefined,
    onEntry: (_file, entry) => entries.push(entry),
    onFileEnd: (file) => ended.push(file),
  };
}

/** Runs a log through the scan and the collectors' half in chunks of `chunkSize` bytes. */
function readLines(log: string, subscribers: EntrySubscriber[], chunkSize: number): LogFileLines {
  const context = new LineContext();
  context.startFile("f.log");
  const lines = new LogFileLines(
    "f.log",
    { system: new SystemCollector(), events: new LogEventCollector(context), warnings: new WarningCollector(), lineContext: context },
    subscribers,
    () => {},
  );
  const feed = inlineLineFeed(1 << 20, LINE_NEEDLES, (t: RunTable) => lines.run(t));
  const bytes = Buffer.from(log);
  for (let i = 0; i < bytes.length; i += chunkSize) void feed.push(bytes.subarray(i, i + chunkSize));
  void feed.end();
  lines.end();
  return lines;
}

// A network.sip INFO summary, a DEBUG line with its SIPMSG block, other modules' lines, an Event line
// that names a module in its text, and a traffic_server request (FORMATS.md "Line families", "SIP").
const TS = "2024-03-05T04:20:00.123-05:00 expe1";
const SEAM_LOG = [
  `${TS} tvcs: UTCTime="2024-03-05 09:20:00,123" Module="network.sip" Level="INFO":  Action="Received" Local-ip="192.0.2.5" Local-port="5061" Src-ip="198.51.100.23" Src-port="50112" Detail="Receive Request Method=INVITE, CSeq=101, Request-URI=sip:2002@example.com, Call-ID=3b1f0c9e@198.51.100.23"`,
  `${TS} tvcs: UTCTime="2024-03-05 09:20:00,124" Module="network.sip" Level="DEBUG":  Action="Received" Local-ip="192.0.2.5" Local-port="5061" Src-ip="198.51.100.23" Src-port="50112" Msg-Hash="1"`,
  "SIPMSG:",
  "|INVITE sip:2002@example.com SIP/2.0",
  "|Via: SIP/2.0/TLS 198.51.100.23:50112;branch=z9hG4bK1",
  "|Call-ID: 3b1f0c9e@198.51.100.23",
  "|Content-Length: 0",
  "|",
  `${TS} tvcs: UTCTime="2024-03-05 09:20:00,200" Module="developer.sip.leg" Level="DEBUG": Detail="leg created"`,
  `${TS} tvcs: Event="Search Attempted" Service="SIP" Src-alias-type="SIP" Src-alias="alice@example.com" Detail="Module=network.sip is text here" Level="1"`,
  `${TS} traffic_server[2031]: UTCTime="2024-03-05 09:20:01,000" Module="network.http.trafficserver" Level="DEBUG": Detail="Receive Request" Txn-id="9" Src-ip="127.0.0.1"`,
  "HTTPMSG:",
  "|GET /c3RldmVuLmxhYi9odHRwcy8xMC40OC4zNi4yMTUvODQ0Mw/cucm-uds/user/alice HTTP/1.1",
  "|",
].join("\n");

describe("line families: subscribers to a process or a module", () => {
  it("gives a module's subscriber its entries with their message blocks, and nothing of other modules", () => {
    for (const size of [SEAM_LOG.length, 1, 7, 64, 333]) {
      const sip = recorder("sip", { module: "network.sip" });
      readLines(SEAM_LOG, [sip], size);
      assert.deepEqual(sip.entries.map((e) => e.line), [1, 2], `${size}-byte chunks`);
      assert.equal(sip.entries[1].block?.marker, "SIPMSG");
      assert.equal(sip.entries[1].block?.lines[0], "INVITE sip:2002@example.com SIP/2.0");
      assert.deepEqual(sip.ended, ["f.log"]);
    }
  });

  it("reads Module only as the pair near the start of the message, not as text further on", () => {
    const sip = recorder("sip", { module: "network.sip" });
    const lines = readLines(SEAM_LOG, [sip], 50);
    assert.ok(!sip.entries.some((e) => e.text.includes("Search Attempted")));
    assert.deepEqual(lines.families().modules, { "network.sip": 2, "developer.sip.leg": 1, "network.http.trafficserver": 1 });
    assert.deepEqual(lines.families().processes, { tvcs: 4, traffic_server: 1 });
  });

  it("lets a process's and a module's subscribers share one entry, each with its own block options", () => {
    const tvcs = recorder("tvcs", { process: "tvcs" }, 1);
    const sip = recorder("sip", { module: "network.sip" });
    const ts = recorder("ts", { process: "traffic_server" });
    readLines(SEAM_LOG, [tvcs, sip, ts], 13);
    assert.deepEqual(tvcs.entries.map((e) => e.line), [1, 2, 9, 10]);
    assert.equal(tvcs.entries[1].block?.lines.length, 1);
    assert.equal(sip.entries[1].block?.lines.length, 4);
    assert.deepEqual(ts.entries.map((e) => e.line), [11]);
    assert.match(ts.entries[0].block?.lines[0] ?? "", /^GET \/c3RldmVu/);
  });

  it("marks lines only for the needles the scan was given", () => {
    const tabler = new LineTabler(["Search Attempted"]);
    const scanner = new LineScanner(1 << 20, tabler, () => {});
    scanner.push(Buffer.from(SEAM_LOG));
    scanner.end();
    const marked: number[] = [];
    for (const t of tabler.take()) for (let r = 0; r < t.count * ROW; r += ROW) if (t.rows[r + 3] & MARKED) marked.push(t.rows[r + 2]);
    assert.deepEqual(marked, [10]);
    const none = new LineTabler([]);
    new LineScanner(1 << 20, none, () => {}).push(Buffer.from(SEAM_LOG + "\n"));
    for (const t of none.take()) for (let r = 0; r < t.count * ROW; r += ROW) assert.equal(t.rows[r + 3] & MARKED, 0);
  });

  it("leaves a needle's line unmarked when one of its unless words follows it on that line, unless another needle marks it", () => {
    // VCS X7 keep-alive search (2012 log in tests/fixtures/real-layouts/lines.ts) and TN 212475's failed INVITE search
    const log = [
      '2012-03-14T10:22:05.131+00:00 vcs01 tvcs: Event="Search Completed" Reason="Not Found" Service="SIP" Src-alias="sip:vcs01" Dst-alias="sip:10.0.0.20" Found="False" Type="OPTIONS" Level="1"',
      '2017-09-19T14:16:15.836-04:00 rtp12-tpdmz-118-VCSC tvcs: Event=" Search Completed " Reason="Not Found" Service="SIP" Dst-alias="sip:jorobb@rtp.ciscotac.net" Detail="found:false , searchtype:INVITE, Info:Policy Response" Level="1"',
      '2012-03-14T10:22:05.131+00:00 vcs01 tvcs: Event="Search Completed" Found="False" Type="OPTIONS" Detail="ERROR in search"',
      '2012-03-14T10:22:05.131+00:00 vcs01 tvcs: Type="OPTIONS" before Event="Search Completed" Found="False"',
      '2012-03-14T10:22:06.000+00:00 vcs01 tvcs: Event="Search Completed" Found="False"',
      'Type="OPTIONS" on the next line does not count',
    ].join("\n");
    const tabler = new LineTabler([{ text: "Search Completed", unless: ['Type="OPTIONS"', "searchtype:OPTIONS"] }, "ERROR"]);
    const scanner = new LineScanner(1 << 20, tabler, () => {});
    scanner.push(Buffer.from(log + "\n"));
    scanner.end();
    const marked: number[] = [];
    for (const t of tabler.take()) for (let r = 0; r < t.count * ROW; r += ROW) if (t.rows[r + 3] & MARKED) marked.push(t.rows[r + 2]);
    assert.deepEqual(marked, [2, 3, 4, 5]);
    // the same text also needed plainly: never excluded
    const plain = new LineTabler([{ text: "Search Completed", unless: ['Type="OPTIONS"'] }, "Search Completed"]);
    const s2 = new LineScanner(1 << 20, plain, () => {});
    s2.push(Buffer.from(log + "\n"));
    s2.end();
    const all: number[] = [];
    for (const t of plain.take()) for (let r = 0; r < t.count * ROW; r += ROW) if (t.rows[r + 3] & MARKED) all.push(t.rows[r + 2]);
    assert.deepEqual(all, [1, 2, 3, 4, 5]);
  });

  it("hands the collectors each stamped line's prefix as parseSyslogPrefix reads it, for every real layout", () => {
    const lines = Object.values(realLayouts).filter((v): v is readonly string[] => Array.isArray(v)).flat();
    assert.ok(lines.length > 50);
    const tabler = new LineTabler([]);
    const scanner = new LineScanner(1 << 20, tabler, () => {});
    scanner.push(Buffer.from(lines.join("\n") + "\n"));
    scanner.end();
    const span = new PrefixSpan();
    let packed = 0;
    for (const t of tabler.take()) {
      for (let r = 0; r < t.count * ROW; r += ROW) {
        const line = t.buf.toString("latin1", t.rows[r], t.rows[r + 1]);
        const want = parseSyslogPrefix(line);
        if ((t.rows[r + 3] & PACKED) === 0) continue;
        packed++;
        unpackPrefix(t.rows, r, span);
        assert.deepEqual(syslogPrefixAt(line, span), want, line);
      }
    }
    assert.ok(packed > 40, `${packed} packed`);
  });
});

describe("keep-alives recognised by the scan (KEEPALIVE)", () => {
  // The layouts of FORMATS.md "SIP": the bar layout (TN 117811) and the leading-space one (TN 212383),
  // keep-alives and what must not be taken for one.
  const at = (ms: number) => `2024-03-05T04:20:${String(10 + Math.floor(ms / 1000)).padStart(2, "0")}.${String(ms % 1000).padStart(3, "0")}-05:00 vcsc1 tvcs: UTCTime="2024-03-05 09:20:10,000" Module="network.sip"`;
  const debug = (n: number, extra = "") => `${at(n)} Level="DEBUG":  Action="Received" Local-ip="10.81.54.102" Local-port="5061" Src-ip="10.81.54.20" Src-port="5061" Msg-Hash="${n}"${extra}`;
  const options = (n: number) => [`Call-ID: ${n}ka@10.81.54.20`, `CSeq: ${n} OPTIONS`];
  const VARIANTS: [string, string[]][] = [
    ["bar layout", [debug(1), "SIPMSG:", "|OPTIONS sip:10.81.54.102:5061;transport=tls SIP/2.0", "|Via: SIP/2.0/TLS 10.81.54.20:5061", ...options(1).map((l) => `|${l}`), "|"]],
    ["leading-space layout, CRLF-free trailing spaces", [debug(2), " SIPMSG:", " |OPTIONS sip:10.81.54.102:5061 SIP/2.0", ...options(2).map((l) => ` ${l}  `), " |", ""]],
    ["its INFO summary (has Detail)", [`${at(3)} Level="INFO":  Action="Received" Local-ip="10.81.54.102" Local-port="5061" Src-ip="10.81.54.20" Src-port="5061" Detail="Receive Request Method=OPTIONS, CSeq=3, Request-URI=sip:10.81.54.102, Call-ID=3ka@10.81.54.20, Msg-Hash=3"`, debug(3), "SIPMSG:", "|OPTIONS sip:10.81.54.102 SIP/2.0", ...options(3).map((l) => `|${l}`), "|"]],
    ["an INVITE", [debug(4), "SIPMSG:", "|INVITE sip:2002@example.com SIP/2.0", "|Call-ID: 4c@x", "|CSeq: 1 INVITE", "|From: <sip:a@x>;tag=1", "|To: <sip:2002@example.com>", "|"]],
    ["a Detail on the block's line", [debug(5, ' Detail="Receive Request Method=OPTIONS, CSeq=5"'), "SIPMSG:", "|OPTIONS sip:x SIP/2.0", ...options(5).map((l) => `|${l}`), "|"]],
    ["a lone bar before the CSeq", [debug(6), "SIPMSG:", "|OPTIONS sip:x SIP/2.0", "|", "|CSeq: 6 OPTIONS"]],
    ["a bar glued to the line before the CSeq", [debug(7), "SIPMSG:", "|OPTIONS sip:x SIP/2.0", "|Via: x|", "|CSeq: 7 OPTIONS", "|"]],
    ["the CSeq past the 15th line", [debug(8), "SIPMSG:", "|OPTIONS sip:x SIP/2.0", ...Array.from({ length: 16 }, (_, i) => `|X-Pad-${i}: y`), "|CSeq: 8 OPTIONS", "|"]],
    ["an HTTPMSG block", [debug(9), "HTTPMSG:", "|OPTIONS /x HTTP/1.1", "|CSeq: 9 OPTIONS", "|"]],
    ["an INVITE whose later CSeq-like line says OPTIONS", [debug(10), "SIPMSG:", "|INVITE sip:2002@example.com SIP/2.0", "|CSeq: 10 INVITE", "|CSeq: 10 OPTIONS", "|"]],
    // LogReader's lone bar is any short line that trims to `|`: the block ends before the CSeq
    ["a tab before a lone bar, then the CSeq", [debug(11), "SIPMSG:", "|OPTIONS sip:x SIP/2.0", "\t| ", "|CSeq: 11 OPTIONS", "|"]],
  ];

  it("counts exactly what the collector's own keep-alive test counts, in every layout, without making those entries", () => {
    const log = VARIANTS.flatMap(([, lines]) => lines).join("\n") + "\n";
    const counted: string[] = [];
    const fast = new SipCollector();
    const spy: EntrySubscriber = {
      name: fast.name,
      reader: fast.reader,
      wantsModule: (m) => fast.wantsModule(m),
      onEntry: (file, entry) => fast.onEntry(file, entry),
      onKeepAlive: (file) => {
        counted.push(file);
        fast.onKeepAlive(file);
      },
      onFileEnd: (file) => fast.onFileEnd(file),
    };
    const byChunkSize = new Map<number, number>();
    for (const chunkSize of [1 << 20, 97]) {
      counted.length = 0;
      readLines(log, [spy], chunkSize);
      byChunkSize.set(chunkSize, counted.length);
    }
    const slow = collectSip([{ name: "f.log", text: log }]).finish();
    // read once more in one chunk, for the counts of a single pass
    const once = new SipCollector();
    readLines(log, [{ ...spy, onEntry: (f, e) => once.onEntry(f, e), onKeepAlive: (f) => once.onKeepAlive(f) }], 1 << 20);
    const out = once.finish();
    assert.equal(out.reading.messageBlocks, slow.reading.messageBlocks);
    assert.equal(out.reading.otherMethods.OPTIONS, slow.reading.otherMethods.OPTIONS);
    assert.deepEqual(out.reading, slow.reading);
    assert.equal(out.counts.calls, slow.counts.calls);
    // read in one piece, the two plain keep-alives and the DEBUG half of the summarised one never
    // became entries; in 97-byte pieces a block is cut by a table's end and read the ordinary way
    assert.equal(byChunkSize.get(1 << 20), 3);
    assert.ok(byChunkSize.get(97)! < 3);
  });
});
