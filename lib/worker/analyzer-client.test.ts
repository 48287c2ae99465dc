import assert from "node:assert/strict";
import { createReadStream, existsSync } from "node:fs";
import { copyFile, mkdir, mkdtemp, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { after, before, describe, it } from "node:test";
import { analyzeInChild, currentLaunch, keepAnalyzerReady, prepareAnalyzer, releaseIndexers, stopAnalyzers } from "@/lib/worker/analyzer-client";
import { analyzeBundle } from "@/lib/pipeline/analyze-bundle";

const SAMPLE = path.join(process.cwd(), "tests/samples/diagnostic_log_expc1_2024-03-05_09_12_40.tar.gz");
const NAME = path.basename(SAMPLE);
const HEAP = 384;

describe("analyzeInChild", () => {
  let dir: string;
  before(async () => {
    // What `npm start` and `npm test` do before anything runs.
    const { ensureAnalyzer } = (await import(path.join(process.cwd(), "scripts/build-analyzer.mjs"))) as { ensureAnalyzer(): void };
    ensureAnalyzer();
    dir = await mkdtemp(path.join(os.tmpdir(), "ea-child-"));
    keepAnalyzerReady(HEAP);
  });
  after(async () => {
    stopAnalyzers();
    await rm(dir, { recursive: true, force: true });
  });

  it("runs the bundled analyzer, started ahead and again for the next analysis, with the pipeline's own answer", async () => {
    assert.ok(currentLaunch().build, "the bundle is current");
    // lib/scan/log-feed.ts starts the scan thread from the file beside the code that runs it
    assert.ok(existsSync(path.join(path.dirname(currentLaunch().file), "log-scan-worker.js")), "the scan thread is bundled too");
    const request = { object: { kind: "local" as const, path: SAMPLE }, fileName: NAME, limits: {} };
    const first = await analyzeInChild(request, { heapMiB: HEAP });
    prepareAnalyzer(); // what the worker does once a job is done
    const second = await analyzeInChild(request, { heapMiB: HEAP });
    const inProcess = await analyzeBundle(createReadStream(SAMPLE), NAME);
    assert.ok(first.ok && second.ok);
    assert.deepEqual(first.output, inProcess);
    assert.deepEqual(second.output, inProcess);
  });

  it("answers a bundle the reader refuses with its reason, not as a crash", async () => {
    const file = path.join(dir, "not-a-bundle.tar.gz");
    await writeFile(file, Buffer.from([0x1f, 0x8b, 8, 0, 0, 0, 0, 0, 0, 3, 1, 2, 3]));
    const answer = await analyzeInChild({ object: { kind: "local", path: file }, fileName: "not-a-bundle.tar.gz", limits: {} }, { heapMiB: HEAP });
    assert.equal(answer.ok, false);
    assert.ok(!answer.ok && answer.bundleError.code.length > 0);
  });

  it("reports the analyzer's own peak memory, not its parent's", async () => {
    stopAnalyzers(); // so the next one is forked now, from a parent holding 256 MiB
    const ballast = Array.from({ length: 32 }, () => Buffer.alloc(8 * 1024 ** 2, 1));
    const answer = await analyzeInChild({ object: { kind: "local", path: SAMPLE }, fileName: NAME, limits: {} }, { heapMiB: HEAP });
    assert.ok(answer.ok);
    assert.ok(answer.stats.peakRssBytes < 200 * 1024 ** 2, `peak ${Math.round(answer.stats.peakRssBytes / 1024 ** 2)} MiB for a 6 KiB bundle`);
    assert.equal(ballast.length, 32);
    keepAnalyzerReady(HEAP);
  });

  it("kills the analyzer when the job is stopped", async () => {
    const stop = new AbortController();
    const running = analyzeInChild({ object: { kind: "local", path: SAMPLE }, fileName: NAME, limits: {} }, { heapMiB: HEAP, signal: stop.signal });
    stop.abort();
    await assert.rejects(running, /it was stopped/);
  });

  it("builds the line index after answering even though the job's signal is aborted on completion (pg-boss does so)", async () => {
    // the child reads DATA_DIR from its environment, which it inherits at fork
    const saved = process.env.DATA_DIR;
    const data = path.join(dir, "data");
    await mkdir(path.join(data, "uploads"), { recursive: true });
    await copyFile(SAMPLE, path.join(data, "uploads", "indexTest0001.bundle"));
    process.env.DATA_DIR = data;
    stopAnalyzers();
    try {
      const job = new AbortController();
      const answer = await analyzeInChild(
        { object: { kind: "local", path: path.join(data, "uploads", "indexTest0001.bundle") }, fileName: NAME, limits: {}, lineIndex: { bundleKey: "indexTest0001.bundle", indexKey: "indexTest0001.lines" } },
        { heapMiB: HEAP, signal: job.signal },
      );
      assert.ok(answer.ok);
      job.abort(); // what pg-boss does to every finished job's signal
      releaseIndexers(); // the worker, once the results are stored
      const index = path.join(data, "uploads", "indexTest0001.lines");
      const deadline = Date.now() + 20_000;
      while (!existsSync(index) && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));
      assert.ok(existsSync(index), "the line index was stored");
    } finally {
      if (saved === undefined) delete process.env.DATA_DIR;
      else process.env.DATA_DIR = saved;
      keepAnalyzerReady(HEAP);
    }
  });
});
