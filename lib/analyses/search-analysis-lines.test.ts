import assert from "node:assert/strict";
import { Readable } from "node:stream";
import { describe, it } from "node:test";
import { buildLineIndex } from "@/lib/bundle/build-line-index";
import { findIndexedFile } from "@/lib/bundle/line-index";
import { ApiError } from "@/lib/http/api-error";
import type { BundleLines } from "@/lib/analyses/open-bundle-lines";
import { searchQuerySchema, streamLineSearch } from "@/lib/analyses/search-analysis-lines";
import { chunked, makeTarGz } from "../../tests/fixtures/build-bundle";

const NAME = "loggingsnapshot_expc1_2024-03-05_09_12_40.txt";

// Line shapes from FORMATS.md ("Real layouts"): tvcs and traffic_server lines with Module and Level.
function log(lines: number): string {
  const out: string[] = [];
  for (let i = 1; i <= lines; i++) {
    if (i % 250 === 0) out.push(`2022-07-11T19:49:01.478+02:00 vcsc traffic_server[3916]: UTCTime="2022-07-11 17:49:01,478" Module="network.http.trafficserver" Level="WARN": Detail="Sending Request" Txn-id="${i}"`);
    else if (i % 1000 === 1) out.push(`2017-09-19T14:16:15.836-04:00 rtp12-vcsc tvcs: UTCTime="2017-09-19 18:16:15,830" Module="network.sip" Level="ERROR":  Action="Received" n=${i}`);
    else out.push(`2017-09-19T14:16:15.836-04:00 rtp12-vcsc tvcs: UTCTime="2017-09-19 18:16:15,830" Module="network.sip" Level="DEBUG":  Action="Received" n=${i}`);
  }
  return `${out.join("\n")}\n`;
}

async function bundleOf(text: string): Promise<BundleLines> {
  const stored = await makeTarGz([{ name: NAME, content: text }]);
  const index = await buildLineIndex(chunked(stored), "b.tar.gz", { checkpointSpan: 64 * 1024 });
  return { index, open: async (start) => Readable.from(chunked(stored.subarray(start))), file: (n) => findIndexedFile(index, n)! };
}

async function run(bundle: BundleLines, q: Record<string, string>): Promise<{ matches: { n: number; text: string }[]; last: Record<string, unknown> }> {
  let text = "";
  for await (const c of streamLineSearch(bundle, NAME, searchQuerySchema.parse(q)) as unknown as AsyncIterable<Uint8Array>) text += Buffer.from(c).toString();
  const records = text.trim().split("\n").map((l) => JSON.parse(l));
  return { matches: records.slice(0, -1), last: records[records.length - 1] };
}

describe("searching a file's lines", () => {
  it("finds the next match after a line, and the previous one before it", async () => {
    const bundle = await bundleOf(log(5000));
    const next = await run(bundle, { q: "level=\"warn\"", from: "1001", limit: "1" });
    assert.deepEqual(next.matches.map((m) => m.n), [1250]);
    assert.equal(next.last.reason, "limit");
    const prev = await run(bundle, { q: 'Level="WARN"', case: "1", from: "1001", dir: "prev", limit: "2" });
    assert.deepEqual(prev.matches.map((m) => m.n), [1000, 750]);
  });

  it("filters by level (that level and worse), process and module, with or without text", async () => {
    const bundle = await bundleOf(log(3000));
    const errors = await run(bundle, { level: "error", limit: "100" });
    assert.deepEqual(errors.matches.map((m) => m.n), [1, 1001, 2001]);
    const warnings = await run(bundle, { level: "warn", process: "traffic_server", limit: "3" });
    assert.deepEqual(warnings.matches.map((m) => m.n), [250, 500, 750]);
    // traffic_server's native lines name their level as a tag (the sample bundle's line 305)
    const native = await bundleOf("2024-03-05T04:12:52.358-05:00 expc1 traffic_server[2030]: [ET_NET 3] WARNING: Core server certificate verification failed for (cucm-pub.acme.test). Action=Terminate\n2024-03-05T04:12:52.358-05:00 expc1 traffic_server[2030]: [ET_NET 3] NOTE: traffic server running\n");
    assert.deepEqual((await run(native, { level: "warn" })).matches.map((m) => m.n), [1]);
    const sip = await run(bundle, { module: "network", q: "n=2001", limit: "5" });
    assert.deepEqual(sip.matches.map((m) => m.n), [2001]);
    assert.equal(sip.last.reason, "end");
  });

  it("refuses a regex that does not compile with a 400", async () => {
    const bundle = await bundleOf(log(10));
    assert.throws(() => streamLineSearch(bundle, NAME, searchQuerySchema.parse({ q: "(unclosed", regex: "1" })), (err) => err instanceof ApiError && err.status === 400 && err.code === "invalid_regex");
  });

  it("stops a catastrophic regex instead of hanging, and says so", async () => {
    const bundle = await bundleOf(`${"a".repeat(40)}!\n`.repeat(20));
    const started = Date.now();
    const r = await run(bundle, { q: "^(a+)+$", regex: "1" });
    assert.equal((r.last as { error?: { code: string } }).error?.code, "regex_too_slow");
    assert.ok(Date.now() - started < 8000, `took ${Date.now() - started} ms`);
  });
});
