import assert from "node:assert/strict";
import { after, describe, it } from "node:test";
import { readBundle } from "@/lib/bundle/read-bundle";
import { createFactsCollector } from "@/lib/facts/collect-facts";
import { LineScanner } from "@/lib/bundle/line-splitter";
import { LINE_NEEDLES, LineTabler, MARKED, ROW } from "@/lib/scan/log-table";
import { syntheticLog } from "@/lib/pipeline/synthetic-log";
import { SIGNATURES } from "@/lib/signatures/registry";

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
    const lines = LINE_NEEDLES.flatMap((n, i) => [`2024-03-05T04:20:00.000-05:00 expc1 tvcs: Detail="${"z".repeat(i)}${n}" end`, `|${n}`, "|plain", "2024-03-05T04:20:00.000-05:00 expc1 tvcs: plain"]);
    const tabler = new LineTabler();
    const scanner = new LineScanner(1 << 20, tabler, (n, b) => tabler.long(n, b));
    const text = Buffer.from(lines.join("\n"));
    for (let i = 0; i < text.length; i += 100) scanner.push(text.subarray(i, i + 100));
    scanner.end();
    const marked: number[] = [];
    for (const t of tabler.take()) {
      for (let r = 0; r < t.count * ROW; r += ROW) if (t.rows[r + 3] & MARKED) marked.push(t.rows[r + 2]);
    }
    assert.deepEqual(marked, LINE_NEEDLES.flatMap((_n, i) => [4 * i + 1, 4 * i + 2]));
  });

  it("reaches every phrase a signature declares: through the needle scan, or as part of a traffic_server entry", () => {
    // traffic_server's entries all go to its collector, whatever they say
    const viaTrafficServer = new Set(["Core server certificate verification failed", "not in certificate", "SSL connection failed for", "502 connect failed"]);
    const declared = SIGNATURES.flatMap((s) => s.needles ?? []);
    assert.ok(declared.length > 10);
    for (const needle of declared) {
      assert.ok(LINE_NEEDLES.some((k) => needle.includes(k)) || viaTrafficServer.has(needle), `no scan finds "${needle}"`);
    }
  });
});
