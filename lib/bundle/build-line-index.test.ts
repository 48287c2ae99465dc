import assert from "node:assert/strict";
import { Readable } from "node:stream";
import { describe, it } from "node:test";
import { gunzipSync, gzipSync } from "node:zlib";
import { buildLineIndex } from "@/lib/bundle/build-line-index";
import { decodeLineIndex, encodeLineIndex, findIndexedFile, markAtOrBefore, type LineIndex } from "@/lib/bundle/line-index";
import { LineSplitter } from "@/lib/bundle/line-splitter";
import { decompressedRange, MAX_LINE_KEEP, readFileLines, type OpenFrom } from "@/lib/bundle/read-indexed-lines";
import { readBundle } from "@/lib/bundle/read-bundle";
import { chunked, makeTar, makeTarGz } from "../../tests/fixtures/build-bundle";

const opener = (stored: Buffer): OpenFrom => async (start) => Readable.from(chunked(stored.subarray(start), 64 * 1024));

/** Lines as the analysis numbers them: the pipeline's own splitter over the same bytes. */
function analysisLines(text: Buffer): string[] {
  const lines: string[] = [];
  const splitter = new LineSplitter(1 << 30, (line, n) => (lines[n - 1] = line), () => {});
  splitter.push(text);
  splitter.end();
  return lines;
}

/** A log whose lines vary in length and whose numbers are in the text, so any mix-up shows. */
function numberedLog(lines: number, seed = 7): string {
  let out = "";
  let x = seed;
  for (let i = 1; i <= lines; i++) {
    x = (x * 1103515245 + 12345) % 2147483648;
    out += `2024-03-05T09:12:40.${String(i % 1000).padStart(3, "0")}-05:00 expc1 tvcs: UTCTime="2024-03-05 14:12:40,170" Module="network.sip" Level="${i % 97 === 0 ? "WARN" : "INFO"}": line=${i} ${"x".repeat(x % 200)} ${x.toString(36)}\n`;
  }
  return out;
}

async function indexOf(stored: Buffer, name: string, options = {}): Promise<LineIndex> {
  // through the stored form, as the viewer gets it
  return decodeLineIndex(encodeLineIndex(await buildLineIndex(chunked(stored, 1 << 20), name, options)));
}

describe("line index", () => {
  it("numbers every file's lines as the analysis does: CRLF, no final line ending, empty lines, empty and binary files", async () => {
    const files = {
      "loggingsnapshot_expc1_2024-03-05_09_12_40.txt": "first\r\nsecond\r\n\r\nfourth without LF",
      "xconf_dump_2024-03-05_09_12_40": "*c xConfiguration SystemUnit Name: \"expc1\"\n*c xConfiguration Zones\n",
      "empty.log": "",
      "capture.pcap": Buffer.from([0xd4, 0xc3, 0xb2, 0xa1, 0, 0, 10, 0, 0, 0, 1, 2]),
    };
    const stored = await makeTarGz(Object.entries(files).map(([name, content]) => ({ name, content })));
    const index = await indexOf(stored, "diagnostic_log_expc1.tar.gz");
    assert.equal(index.format, "tar.gz");
    const open = opener(stored);
    for (const [name, content] of Object.entries(files)) {
      const file = findIndexedFile(index, name);
      assert.ok(file, name);
      if (name.endsWith(".pcap")) {
        assert.equal(file.text, false);
        continue;
      }
      const expected = analysisLines(Buffer.from(content));
      assert.equal(file.lines, expected.length, name);
      const page = await readFileLines(index, open, file, 1, 100);
      assert.deepEqual(page.lines.map((l) => l.text), expected, name);
      assert.deepEqual(page.lines.map((l) => l.n), expected.map((_, i) => i + 1));
    }
  });

  it("resumes inflating at checkpoints deep in a gzip stream and lands on the asked line", async () => {
    const log = numberedLog(60_000);
    // level 1 makes more, shorter blocks: more of them start on a byte boundary within the test's size
    const stored = gzipSync(await makeTar([{ name: "loggingsnapshot_expc1.txt", content: log }]), { level: 1 });
    const index = await indexOf(stored, "b.tar.gz", { checkpointSpan: 256 * 1024, markLines: 500 });
    assert.ok(index.checkpoints.length >= 3, `only ${index.checkpoints.length} checkpoints`);
    const last = index.checkpoints[index.checkpoints.length - 1];
    const file = findIndexedFile(index, "loggingsnapshot_expc1.txt")!;
    const expected = analysisLines(Buffer.from(log));
    assert.equal(file.lines, expected.length);
    // opening reads only from a checkpoint on: count the compressed bytes fetched
    let fetched = 0;
    const counting: OpenFrom = async (start) => {
      fetched += stored.length - start;
      return opener(stored)(start);
    };
    for (const n of [1, 2, 499, 500, 501, 12_345, 30_000, 59_990, 60_000]) {
      fetched = 0;
      const page = await readFileLines(index, counting, file, n, 3);
      assert.deepEqual(page.lines.map((l) => l.text), expected.slice(page.from - 1, page.from + 2), `line ${n}`);
      assert.equal(page.from, Math.min(n, expected.length - 2));
      const markOffset = file.offset + markAtOrBefore(file, n)[1];
      if (markOffset >= last.out) assert.equal(fetched, stored.length - last.in, `line ${n} is read from the last checkpoint on`);
    }
  });

  it("a file's bytes come out exactly as they are in the bundle, from any offset", async () => {
    const log = numberedLog(20_000, 3);
    const stored = await makeTarGz([
      { name: "a.txt", content: "alpha\n" },
      { name: "loggingsnapshot_expc1.txt", content: log },
    ]);
    const index = await indexOf(stored, "b.tar.gz", { checkpointSpan: 128 * 1024 });
    const file = findIndexedFile(index, "loggingsnapshot_expc1.txt")!;
    const parts: Buffer[] = [];
    for await (const c of decompressedRange(index, opener(stored), file.offset, file.size)) parts.push(c);
    assert.equal(Buffer.concat(parts).toString(), log);
    const tarBytes = gunzipSync(stored);
    const at = file.offset + 777_777;
    const slice: Buffer[] = [];
    for await (const c of decompressedRange(index, opener(stored), at, 1000)) slice.push(c);
    assert.deepEqual(Buffer.concat(slice), tarBytes.subarray(at, at + 1000));
  });

  it("names files as the analysis does: long names (pax and GNU), directories in the path", async () => {
    const long = `logs/${"very-long-directory-name/".repeat(8)}loggingsnapshot_expc1.txt`;
    const entries = [
      { name: long, content: "one\ntwo\n" },
      { name: "tmp/xstat_dump_2024", content: "*s SystemUnit\n" },
    ];
    const stored = await makeTarGz(entries);
    const names: string[] = [];
    await readBundle(chunked(stored), "b.tar.gz", { visitor: { onFileStart: (f) => void names.push(f.name) } });
    const index = await indexOf(stored, "b.tar.gz");
    assert.deepEqual(index.files.map((f) => f.name), names);
    assert.equal(findIndexedFile(index, long)!.lines, 2);
  });

  it("reads plain tar and plain text uploads by offset, without checkpoints", async () => {
    const log = numberedLog(3000);
    const tar = await makeTar([{ name: "loggingsnapshot_expc1.txt", content: log }]);
    const text = Buffer.from(log);
    const gz = gzipSync(text);
    for (const [stored, name, format] of [
      [tar, "b.tar", "tar"],
      [text, "loggingsnapshot_expc1.txt", "text"],
      [gz, "loggingsnapshot_expc1.txt.gz", "text.gz"],
    ] as const) {
      const index = await indexOf(stored, name, { checkpointSpan: 64 * 1024 });
      assert.equal(index.format, format);
      if (format !== "text.gz") assert.equal(index.checkpoints.length, 0);
      const file = index.files[0];
      assert.equal(file.name, "loggingsnapshot_expc1.txt");
      const page = await readFileLines(index, opener(stored), file, 2500, 2);
      assert.deepEqual(page.lines.map((l) => l.text), analysisLines(text).slice(2499, 2501));
    }
  });

  it("cuts a 1 MiB line for display and says how long it was; the lines after it keep their numbers", async () => {
    const huge = "y".repeat(1024 * 1024);
    const stored = await makeTarGz([{ name: "loggingsnapshot_expc1.txt", content: `before\n${huge}\nafter\n` }]);
    const index = await indexOf(stored, "b.tar.gz");
    const page = await readFileLines(index, opener(stored), index.files[0], 1, 10);
    assert.deepEqual(page.lines.map((l) => l.n), [1, 2, 3]);
    assert.equal(page.lines[1].text.length, MAX_LINE_KEEP);
    assert.equal(page.lines[1].truncated, true);
    assert.equal(page.lines[1].bytes, huge.length);
    assert.equal(page.lines[2].text, "after");
  });

  it("answers a line past the end with the last page", async () => {
    const stored = await makeTarGz([{ name: "loggingsnapshot_expc1.txt", content: numberedLog(50) }]);
    const index = await indexOf(stored, "b.tar.gz");
    const page = await readFileLines(index, opener(stored), index.files[0], 10_000, 20);
    assert.equal(page.from, 31);
    assert.deepEqual(page.lines.map((l) => l.n), Array.from({ length: 20 }, (_, i) => 31 + i));
  });

  it("costs a few percent of the bundle at most", async () => {
    const stored = await makeTarGz([{ name: "loggingsnapshot_expc1.txt", content: numberedLog(150_000) }]);
    const encoded = encodeLineIndex(await buildLineIndex(chunked(stored, 1 << 20), "b.tar.gz"));
    assert.ok(encoded.length < stored.length * 0.03, `index ${encoded.length} bytes for a ${stored.length} byte bundle`);
  });
});
