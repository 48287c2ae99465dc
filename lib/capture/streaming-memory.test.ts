// A large capture streams through with flat memory: the reader's own buffers stay within the
// limits however many packets and connections pass. Asserts internal counters, not timing.
// Default 48 MiB; CAPTURE_STRESS_MB=400 runs the full 400 MB case.
// Run: node --import tsx --test lib/capture/streaming-memory.test.ts
import { describe, it } from "node:test";
import assert from "node:assert/strict";
import { syntheticCapture } from "@/tests/fixtures/capture";
import { createCaptureReader } from "./capture-reader";

const MiB = 1024 * 1024;

describe("streaming a large capture", () => {
  it("keeps queued bytes, buffered bytes, open flows and reported sessions bounded", () => {
    const totalBytes = Number(process.env.CAPTURE_STRESS_MB ?? 48) * MiB;
    const limits = { maxFlows: 2_000, maxBufferedBytes: 4 * MiB, maxSessions: 500 };
    const chunkBytes = 64 * 1024;
    const reader = createCaptureReader({ fileName: "eth0_diagnostic_logging_tcpdump00_big.pcap", limits });
    let fed = 0;
    let maxQueued = 0;
    let maxBuffered = 0;
    let maxOpen = 0;
    for (const chunk of syntheticCapture({ totalBytes, connections: 6_000, chunkBytes })) {
      reader.push(chunk);
      fed += chunk.length;
      const st = reader.stats();
      maxQueued = Math.max(maxQueued, st.queuedBytes);
      maxBuffered = Math.max(maxBuffered, st.bufferedBytes);
      maxOpen = Math.max(maxOpen, st.openFlows);
    }
    const summary = reader.end();
    assert.ok(fed >= totalBytes);
    assert.ok(summary.stats.packets > totalBytes / 2000, `packets: ${summary.stats.packets}`);
    // At most one partial record waits in the queue between pushes.
    assert.ok(maxQueued < chunkBytes + 64 * 1024, `queued ${maxQueued}`);
    assert.ok(maxBuffered <= limits.maxBufferedBytes, `buffered ${maxBuffered}`);
    assert.ok(summary.stats.peakBufferedBytes <= limits.maxBufferedBytes);
    assert.ok(maxOpen <= limits.maxFlows && summary.stats.peakOpenFlows <= limits.maxFlows, `open flows ${maxOpen}`);
    assert.ok(summary.tlsSessions.length <= limits.maxSessions);
    assert.ok(summary.notes.length <= 101);
    assert.ok(summary.notes.some((n) => /connections were not analysed because 2000 were already being tracked/.test(n)), summary.notes.join(" | "));
    // Everything is released at the end.
    assert.equal(summary.stats.bufferedBytes, 0);
    assert.equal(summary.stats.openFlows, 0);
  });
});
