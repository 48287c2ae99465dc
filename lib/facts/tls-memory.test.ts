// A large capture set inside a bundle streams through the whole pipeline with bounded memory: the
// process's RSS and heap are sampled while a tar of synthetic captures (never held whole) is read.
// Default 6 × 24 MiB; CAPTURE_SET_MB=400 runs the full 20 × 20 MB case. Asserts memory, not time.
// Run: node --import tsx --test lib/facts/tls-memory.test.ts
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { analyzeBundle } from "@/lib/pipeline/analyze-bundle";
import { LogBuilder, tarStream, xstatDump } from "@/tests/fixtures/build-bundle";
import { syntheticCapture } from "@/tests/fixtures/capture";

const MiB = 1024 * 1024;

describe("a large capture set in a bundle", () => {
  it("keeps the process's memory bounded while every capture is read", async () => {
    const totalMb = Number(process.env.CAPTURE_SET_MB ?? 144);
    const files = Math.max(2, Math.round(totalMb / 24));
    const perFile = Math.floor((totalMb * MiB) / files);
    // syntheticCapture stops after the record that crosses totalBytes: measure the real sizes first.
    const sizes: number[] = [];
    for (let i = 0; i < files; i++) {
      let n = 0;
      for (const c of syntheticCapture({ totalBytes: perFile, connections: 4_000 + i })) n += c.length;
      sizes.push(n);
    }
    const entries = [
      { name: "loggingsnapshot_expc1_2026-06-01_12_00_00.txt", content: new LogBuilder().sipOptions(2).toString() },
      { name: "xstat_dump_expc1_2026-06-01_12_00_00.txt", content: xstatDump() },
      ...sizes.map((size, i) => ({
        name: `eth0_diagnostic_logging_tcpdump${String(i).padStart(2, "0")}_expc1_2026-06-01_12_00_00.pcap`,
        size,
        content: async function* () {
          yield* syntheticCapture({ totalBytes: perFile, connections: 4_000 + i });
        },
      })),
    ];

    global.gc?.();
    const base = process.memoryUsage();
    let peakRss = base.rss;
    // heap + off-heap buffers: unlike RSS, it drops once garbage is collected, so the sizing pass
    // above does not hide what the analysis holds.
    let peakHeld = 0;
    // Sampled as the bundle streams in (the pass runs on microtasks, so a timer would starve).
    let chunks = 0;
    async function* sampled(source: AsyncIterable<Buffer>): AsyncGenerator<Buffer> {
      for await (const c of source) {
        if (++chunks % 64 === 0) {
          const m = process.memoryUsage();
          peakRss = Math.max(peakRss, m.rss);
          peakHeld = Math.max(peakHeld, m.heapUsed + m.external);
        }
        yield c;
      }
    }
    const out = await analyzeBundle(sampled(tarStream(entries)), "diagnostic_log_expc1_2026-06-01_12_00_00.tar");
    const read = sizes.reduce((a, b) => a + b, 0);
    const growth = (peakRss - base.rss) / MiB;
    const held = peakHeld / MiB;
    console.log(`read ${(read / MiB).toFixed(0)} MiB of captures; peak RSS ${(peakRss / MiB).toFixed(0)} MiB (+${growth.toFixed(0)}), peak heap+buffers ${held.toFixed(0)} MiB`);
    assert.equal(out.details.tls?.captures.length, files);
    // Far below what was read, and flat in its size: the reader's buffers are capped at 32 MiB.
    assert.ok(growth < 200, `RSS grew by ${growth.toFixed(0)} MiB`);
    assert.ok(held < 200, `heap + buffers peaked at ${held.toFixed(0)} MiB`);
    assert.ok(JSON.stringify(out.details).length < 2 * MiB, "the stored details stay small");
  });
});
