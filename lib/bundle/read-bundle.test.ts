import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { BundleError } from "@/lib/bundle/bundle-error";
import { type BundleEntry, readBundle } from "@/lib/bundle/read-bundle";
import {
  chunked,
  collect,
  gzip,
  gzipStream,
  makeTar,
  makeTarGz,
  repeatedBytes,
  tarStream,
} from "@/tests/fixtures/build-bundle";

const MiB = 1024 * 1024;

type Seen = { file: string; line: number; text: string };

async function read(input: Buffer | AsyncIterable<Buffer>, name = "bundle.tar.gz", limits = {}) {
  const seen: Seen[] = [];
  const result = await readBundle(Buffer.isBuffer(input) ? chunked(input, 4096) : input, name, {
    limits,
    visitor: { onLine: (f: BundleEntry, text: string, line: number) => void seen.push({ file: f.name, line, text }) },
  });
  return { result, seen };
}

async function rejectsWith(p: Promise<unknown>, code: string, message?: RegExp): Promise<void> {
  await assert.rejects(p, (err: unknown) => {
    assert.ok(err instanceof BundleError, `expected BundleError, got ${String(err)}`);
    assert.equal(err.code, code);
    if (message) assert.match(err.message, message);
    return true;
  });
}

describe("readBundle: formats", () => {
  it("reads a tar.gz, records every file with its kind and visits text lines only", async () => {
    const buf = await makeTarGz([
      { name: "loggingsnapshot_expc1_2024-03-05_09_12_40.txt", content: "l1\nl2\n" },
      { name: "xconf_dump_expc1_2024-03-05_09_12_40.txt", content: "*c xConfiguration A: B\n" },
      { name: "xstat_dump_expc1_2024-03-05_09_12_40.xml", content: "<Status/>\n" },
      { name: "eth0_diagnostic_logging_tcpdump00_expc1_2024-03-05_09_12_40.pcap", content: Buffer.alloc(5000, 1) },
      { name: "ca_expc1_2024-03-05_09_12_40.pem", content: "-----BEGIN CERTIFICATE-----\n" },
      { name: "notes.bin", content: "x\n" },
    ]);
    const { result, seen } = await read(buf);
    assert.equal(result.format, "tar.gz");
    assert.deepEqual(
      result.files.map((f) => [f.name.split("_")[0], f.kind, f.size]),
      [["loggingsnapshot", "log", 6], ["xconf", "xconf", 23], ["xstat", "xstat", 10], ["eth0", "capture", 5000], ["ca", "certificate", 28], ["notes.bin", "other", 2]],
    );
    assert.deepEqual(new Set(seen.map((s) => s.file.split("_")[0])), new Set(["loggingsnapshot", "xconf", "xstat"]));
    assert.equal(result.lineCount, 4);
  });

  it("reads a plain tar", async () => {
    const { result, seen } = await read(await makeTar([{ name: "loggingsnapshot_a.txt", content: "x\n" }]), "bundle.tar");
    assert.equal(result.format, "tar");
    assert.deepEqual(seen, [{ file: "loggingsnapshot_a.txt", line: 1, text: "x" }]);
  });

  it("reads a bare loggingsnapshot .txt with CRLF line endings as a log", async () => {
    const { result, seen } = await read(Buffer.from("one\r\ntwo\r\n"), "loggingsnapshot_expc1_2024-03-05_09_12_40.txt");
    assert.equal(result.format, "text");
    assert.deepEqual(result.files, [{ name: "loggingsnapshot_expc1_2024-03-05_09_12_40.txt", size: 10, kind: "log" }]);
    assert.deepEqual(seen.map((s) => s.text), ["one", "two"]);
  });

  it("reads a single gzipped text log", async () => {
    const { result, seen } = await read(gzip("a\nb\n"), "loggingsnapshot_x.txt.gz");
    assert.equal(result.format, "text.gz");
    assert.equal(result.files[0].name, "loggingsnapshot_x.txt");
    assert.equal(seen.length, 2);
  });

  it("keeps one folder per cluster peer in the names", async () => {
    const buf = await makeTarGz([
      { name: "expc1/", type: "directory" },
      { name: "expc1/loggingsnapshot_expc1_s.txt", content: "a\n" },
      { name: "./expc2/loggingsnapshot_expc2_s.txt", content: "b\n" },
    ]);
    const { result } = await read(buf);
    assert.deepEqual(result.files.map((f) => f.name), ["expc1/loggingsnapshot_expc1_s.txt", "expc2/loggingsnapshot_expc2_s.txt"]);
    assert.deepEqual(result.notes, []);
  });

  it("detects the format by content, not by name", async () => {
    const { result } = await read(await makeTarGz([{ name: "loggingsnapshot_a.txt", content: "x\n" }]), "whatever.txt");
    assert.equal(result.format, "tar.gz");
  });
});

describe("readBundle: hostile input", () => {
  it("rejects an empty file", async () => {
    await rejectsWith(read(Buffer.alloc(0)), "empty_file");
  });

  it("rejects data that is neither gzip, tar nor text", async () => {
    await rejectsWith(read(Buffer.from([0x50, 0x4b, 3, 4, 0, 0, 0, 0, 9, 9])), "unsupported_format", /ZIP/);
    await rejectsWith(read(Buffer.from([1, 2, 0, 0, 7, 200, 0, 1])), "unsupported_format");
    await rejectsWith(read(gzip(Buffer.from([0, 1, 2, 3, 0, 0]))), "unsupported_format");
  });

  it("reads what comes before the cut of a truncated gzip, marked partial with the byte where reading stopped", async () => {
    const text = Array.from({ length: 40_000 }, (_, i) => `2024-03-05T04:12:52.358-05:00 expc1 tvcs: Event="x" N="${i}" R="${Math.random()}"`).join("\n");
    const buf = await makeTarGz([{ name: "loggingsnapshot_a.txt", content: text }]);
    const { result: r } = await read(buf.subarray(0, Math.floor(buf.length * 0.6)));
    assert.ok(r.partial, "marked partial");
    assert.match(r.partial.reason, /gzip data ends early/);
    assert.ok(r.partial.archiveOffset > 512 && r.partial.archiveOffset < text.length + 1024);
    assert.ok(r.lineCount > 1000 && r.lineCount < 40_000, `${r.lineCount} lines read`);
    assert.ok(r.notes.some((n) => n.includes(`byte ${r.partial!.archiveOffset.toLocaleString("en-US")} of the archive`)));
  });

  it("reads a truncated tar up to the cut, plain or gzipped; nothing readable is still an error", async () => {
    const tar = await makeTar([{ name: "loggingsnapshot_a.txt", content: "line\n".repeat(400_000) }]);
    const cut = tar.subarray(0, 1_000_000);
    for (const { result: r } of [await read(cut, "b.tar"), await read(gzip(cut))]) {
      assert.match(r.partial!.reason, /tar archive ends/);
      // the reader had most of it when the archive broke off
      assert.ok(r.lineCount > 100_000, `${r.lineCount} lines`);
    }
    await rejectsWith(read(gzip(tar).subarray(0, 40)), "truncated", /gzip data ends early/);
  });

  it("reads a 64 MiB line of one repeated byte (past the ratio guard, under its size): the line is skipped and noted", async () => {
    const size = 64 * MiB;
    const buf = await collect(gzipStream(tarStream([{ name: "loggingsnapshot_a.txt", size: size + 6, content: async function* () { yield Buffer.from("head\n"); yield* repeatedBytes(size, 0x61); yield Buffer.from("\n"); } }]), 9));
    assert.ok(buf.length * 200 < size, "compresses past the ratio guard");
    const { result: r } = await read(buf);
    assert.equal(r.partial, undefined);
    assert.ok(r.notes.some((n) => /line 2: a 64\.0 MiB line was skipped/.test(n)), r.notes.join("; "));
  });

  it("stops a gzip bomb early (300 MiB of zeros)", async () => {
    const size = 300 * MiB;
    const bomb = await collect(gzipStream(tarStream([{ name: "capture.pcap", size, content: () => repeatedBytes(size) }])));
    assert.ok(bomb.length < 2 * MiB);
    await rejectsWith(read(bomb), "decompression_bomb", /expands more than 200 times/);
  });

  it("stops at the decompressed size limit", async () => {
    const buf = await makeTarGz([{ name: "loggingsnapshot_a.txt", content: "x".repeat(100_000) }]);
    await rejectsWith(read(buf, "a.tar.gz", { maxDecompressedBytes: 50_000 }), "too_large");
  });

  it("stops at the entry limit", async () => {
    const entries = Array.from({ length: 8 }, (_, i) => ({ name: `f${i}.log`, content: "x\n" }));
    await rejectsWith(read(await makeTarGz(entries), "a.tar.gz", { maxEntries: 5 }), "too_many_entries");
  });

  it("skips links, devices, and unsafe names with a note, and reads the rest", async () => {
    const buf = await makeTarGz([
      { name: "loggingsnapshot_link.txt", type: "symlink", linkname: "/etc/passwd" },
      { name: "loggingsnapshot_hard.txt", type: "link", linkname: "loggingsnapshot_ok.txt" },
      { name: "fifo.log", type: "fifo" },
      { name: "../../loggingsnapshot_evil.txt", content: "evil\n" },
      { name: "/etc/loggingsnapshot_abs.txt", content: "abs\n" },
      { name: "loggingsnapshot_ok.txt", content: "fine\n" },
    ]);
    const { result, seen } = await read(buf);
    assert.deepEqual(result.files.map((f) => f.name), ["loggingsnapshot_ok.txt"]);
    assert.deepEqual(seen.map((s) => s.text), ["fine"]);
    assert.equal(result.notes.length, 5);
    assert.match(result.notes[0], /^symbolic link skipped: "loggingsnapshot_link.txt"/);
    assert.match(result.notes[1], /^hard link skipped/);
    assert.match(result.notes[2], /^FIFO skipped/);
    assert.equal(result.notes[3], 'unsafe entry name skipped: "../../loggingsnapshot_evil.txt"');
    assert.equal(result.notes[4], 'unsafe entry name skipped: "/etc/loggingsnapshot_abs.txt"');
  });

  it("skips a 64 MiB line with a note without holding it in memory", async () => {
    const long = 64 * MiB;
    const head = Buffer.from("first line\n");
    const tail = Buffer.from("\nthird line\n");
    async function* content() {
      yield head;
      yield* repeatedBytes(long, 0x41, 256 * 1024);
      yield tail;
    }
    const before = process.memoryUsage();
    let peak = 0;
    const timer = setInterval(() => {
      const m = process.memoryUsage();
      peak = Math.max(peak, m.heapUsed + m.arrayBuffers - before.heapUsed - before.arrayBuffers);
    }, 2);
    try {
      const { result, seen } = await read(
        tarStream([{ name: "loggingsnapshot_x.txt", size: head.length + long + tail.length, content }]),
        "b.tar",
      );
      assert.deepEqual(seen.map((s) => [s.line, s.text]), [[1, "first line"], [3, "third line"]]);
      assert.deepEqual(result.notes, ["loggingsnapshot_x.txt line 2: a 64.0 MiB line was skipped (over the 1 MiB limit)"]);
    } finally {
      clearInterval(timer);
    }
    assert.ok(peak < 48 * MiB, `memory grew by ${Math.round(peak / MiB)} MiB`);
  });

  it("decodes Latin-1 lines so names stay readable", async () => {
    const latin1 = Buffer.from('2024-03-05T04:12:40.170-05:00 expc1 web: Event="Admin Session Start" User="J\xfcrgen M\xfcller"\n', "latin1");
    const { seen } = await read(await makeTarGz([{ name: "loggingsnapshot_a.txt", content: latin1 }]));
    assert.match(seen[0].text, /User="Jürgen Müller"/);
  });

  it("stops when the analysis is cancelled", async () => {
    const ac = new AbortController();
    ac.abort();
    await rejectsWith(readBundle(chunked(gzip("x\n")), "a.gz", { signal: ac.signal }), "aborted");
  });
});
