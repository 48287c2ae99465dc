// Feeds a log file's bytes to the line tabler and its tables to the collectors (the deliver callback).
// With a scan thread, tabling runs there while this thread runs the collectors on the tables
// before: decompression (zlib's own thread), scanning and collecting overlap on separate cores.
// Without one (tests, or a platform without workers) the same tabler runs inline.
import { existsSync } from "node:fs";
import path from "node:path";
import { Worker } from "node:worker_threads";
import { LineScanner } from "@/lib/bundle/line-splitter";
import type { LineFeed } from "@/lib/bundle/read-bundle";
import { LineTabler, type Needle, type RunTable } from "@/lib/scan/log-table";

export type ScanRequest =
  | { type: "file"; maxLineBytes: number; needles: readonly Needle[] }
  | { type: "chunk"; bytes: Uint8Array }
  | { type: "end" }
  | { type: "close" };

export type ScanReply = { type: "tables"; tables: RunTable[]; lines?: number };

type Deliver = (table: RunTable) => void;

export type ScanThreadSetting = "auto" | "always" | "never";

/** ANALYZER_SCAN_THREAD=0 / 1: no thread / a thread for every log file; else by file size. */
export function scanThreadSetting(): ScanThreadSetting {
  const v = process.env.ANALYZER_SCAN_THREAD;
  return v === "0" ? "never" : v === "1" ? "always" : "auto";
}

const SCAN_THREAD_MIN_BYTES = 16 * 1024 * 1024;

let idleThread: ScanThread | null = null;

/** Chunks (of up to 256 KiB) on their way through the scan thread before the reader waits. */
const MAX_IN_FLIGHT = 4;

/** Long lines come back as table rows, in order with the others. */
export function inlineLineFeed(maxLineBytes: number, needles: readonly Needle[], deliver: Deliver): LineFeed {
  const tabler = new LineTabler(needles);
  const scanner = new LineScanner(maxLineBytes, tabler, (lineNo, bytes) => tabler.long(lineNo, bytes));
  return {
    push(chunk) {
      scanner.push(chunk);
      for (const t of tabler.take()) deliver(t);
    },
    end() {
      scanner.end();
      for (const t of tabler.take()) deliver(t);
      return scanner.lines;
    },
  };
}

/** The scan thread of one analysis; files are fed through it one after another. */
export class ScanThread {
  private readonly worker: Worker;
  private failure: Error | null = null;
  private closed = false;
  /** answers the thread still owes (chunks and file ends posted, not yet answered) */
  private owing = 0;
  private onReply: ((reply: ScanReply) => void) | null = null;
  private onFailure: ((err: Error) => void) | null = null;

  private constructor(entry: string) {
    // ANALYZER_CPU_PROFILE_DIR (see lib/worker/analyzer-client.ts): the thread writes its own profile there
    const profileDir = process.env.ANALYZER_CPU_PROFILE_DIR;
    // Its young generation holds only the runs' strings, dead by the next scavenge: 8 MB of it (not V8's
    // default 16 MB a half) keeps ~10 MB off the analyzer's peak at no cost in time.
    const options = { resourceLimits: { maxOldGenerationSizeMb: 128, maxYoungGenerationSizeMb: 8 }, execArgv: profileDir ? ["--cpu-prof", `--cpu-prof-dir=${profileDir}`] : [] };
    // The TypeScript source (tests, `npm run worker` in development) is loaded through tsx's require hook.
    this.worker = entry.endsWith(".ts")
      ? new Worker(`require("tsx/cjs"); require(${JSON.stringify(entry)});`, { ...options, eval: true })
      : new Worker(entry, options);
    // Only kept alive while it owes an answer: a reader that was never closed must not hang its process.
    this.worker.unref();
    // (an unref before the thread is online does not always hold)
    this.worker.once("online", () => {
      if (this.owing === 0) this.worker.unref();
    });
    this.worker.on("message", (reply: ScanReply) => this.onReply?.(reply));
    this.worker.on("error", (err) => this.fail(new Error(`the log scanning thread failed: ${err.message}`)));
    this.worker.on("exit", (code) => {
      if (!this.closed) this.fail(new Error(`the log scanning thread stopped (exit code ${code})`));
    });
  }

  /**
   * Whether a log file of this size (0: unknown) is worth a thread: starting one costs more than
   * scanning a small file.
   */
  static wanted(fileSize: number, setting: ScanThreadSetting = scanThreadSetting()): boolean {
    if (setting !== "auto") return setting === "always";
    return fileSize === 0 || fileSize >= SCAN_THREAD_MIN_BYTES;
  }

  /**
   * A thread for one analysis: the process's idle one if there is one (already started and warm),
   * else a new one; null when there is no worker entry next to this module (then scanning runs inline).
   */
  static acquire(): ScanThread | null {
    const t = idleThread;
    idleThread = null;
    if (t !== null && t.failure === null) return t;
    const entry = workerEntry();
    return entry === null ? null : new ScanThread(entry);
  }

  /** Done with it: kept as the process's idle thread (it does not keep the process alive), or ended. */
  async release(): Promise<void> {
    this.onReply = null;
    this.onFailure = null;
    if (this.failure === null && this.owing === 0 && idleThread === null) idleThread = this;
    else await this.close();
  }

  lineFeed(maxLineBytes: number, needles: readonly Needle[], deliver: Deliver): LineFeed {
    if (this.failure) throw this.failure;
    let inFlight = 0;
    let waiting: { resolve: () => void; reject: (err: Error) => void } | null = null;
    let ending: { resolve: (lines: number) => void; reject: (err: Error) => void } | null = null;
    let deliverError: Error | null = null;

    this.onFailure = (err) => {
      waiting?.reject(err);
      ending?.reject(err);
      waiting = ending = null;
    };
    this.onReply = (reply) => {
      this.owed(-1);
      try {
        for (const t of reply.tables) {
          t.buf = Buffer.from(t.buf.buffer, t.buf.byteOffset, t.buf.byteLength);
          if (deliverError === null) deliver(t);
        }
      } catch (err) {
        // a collector failed: stop delivering, report it where the reader waits
        deliverError = err as Error;
      }
      if (reply.lines !== undefined) {
        const end = ending;
        ending = null;
        if (deliverError) end?.reject(deliverError);
        else end?.resolve(reply.lines);
        return;
      }
      inFlight--;
      if (waiting !== null && (inFlight < MAX_IN_FLIGHT || deliverError)) {
        const w = waiting;
        waiting = null;
        if (deliverError) w.reject(deliverError);
        else w.resolve();
      }
    };

    this.post({ type: "file", maxLineBytes, needles });
    return {
      push: (chunk) => {
        if (this.failure) throw this.failure;
        if (deliverError) throw deliverError;
        // The worker gets its own copy: the chunk may share memory with the tar reader's buffers.
        const bytes = new Uint8Array(chunk.byteLength);
        bytes.set(chunk);
        inFlight++;
        this.post({ type: "chunk", bytes }, [bytes.buffer]);
        if (inFlight < MAX_IN_FLIGHT) return;
        return new Promise<void>((resolve, reject) => {
          waiting = { resolve, reject };
        });
      },
      end: () => {
        if (this.failure) throw this.failure;
        return new Promise<number>((resolve, reject) => {
          ending = { resolve, reject };
          this.post({ type: "end" });
        });
      },
    };
  }

  /** Lets the thread finish on its own (a profiler then writes its profile), else ends it. */
  async close(): Promise<void> {
    this.closed = true;
    const exited = new Promise<void>((resolve) => this.worker.once("exit", () => resolve()));
    this.post({ type: "close" });
    const timer = setTimeout(() => void this.worker.terminate(), 1000);
    await exited;
    clearTimeout(timer);
  }

  private post(message: ScanRequest, transfer: ArrayBuffer[] = []): void {
    if (message.type === "chunk" || message.type === "end") this.owed(+1);
    this.worker.postMessage(message, transfer);
  }

  private owed(delta: number): void {
    this.owing += delta;
    if (this.owing === 1 && delta > 0) this.worker.ref();
    else if (this.owing === 0) this.worker.unref();
  }

  private fail(err: Error): void {
    if (this.failure) return;
    this.failure = err;
    this.onFailure?.(err);
  }
}

/** The bundled worker (a build puts log-scan-worker.js beside this code), else the source. */
function workerEntry(): string | null {
  for (const name of ["log-scan-worker.js", "log-scan-worker.ts"]) {
    const file = path.join(__dirname, name);
    if (existsSync(file)) return file;
  }
  return null;
}
