// Runs the pipeline on a stored bundle in a child process (lib/worker/analyzer-process.ts) with its
// own heap limit, and returns its output. The child sends back the validated output or a typed error.
// Each process serves one analysis; while a worker runs here, the next one is started ahead, so an
// analysis does not wait for node to start and load the analyzer.
import { fork, type ChildProcess } from "node:child_process";
import { readFileSync, statSync } from "node:fs";
import path from "node:path";
import { RESULTS_STORED, type ChildRequest, type ChildResponse } from "@/lib/worker/protocol";


/** A failure of the analyzer process itself (crash, out of memory, killed). */
export class AnalyzerCrash extends Error {}

const ROOT = process.cwd();
const BUNDLE_DIR = path.join(ROOT, "lib/generated/analyzer");

/** What to start: a build id for the bundle, null for the TypeScript sources. */
type Launch = { file: string; execArgv: string[]; build: string | null };

/**
 * The bundle scripts/build-analyzer.mjs made (plain node starts it in ~0.2 s), while every input its
 * manifest names is unchanged; otherwise (never built, or sources edited since) the TypeScript entry
 * through tsx, as current as the sources but about 1 s slower to start.
 */
export function currentLaunch(): Launch {
  try {
    const manifest = JSON.parse(readFileSync(path.join(BUNDLE_DIR, "manifest.json"), "utf8")) as { build: string; inputs: Record<string, [number, number]> };
    for (const [file, [size, mtimeMs]] of Object.entries(manifest.inputs)) {
      const st = statSync(path.join(ROOT, file));
      if (st.size !== size || st.mtimeMs !== mtimeMs) throw new Error(`${file} changed`);
    }
    return { file: path.join(BUNDLE_DIR, "analyzer-process.js"), execArgv: ["--enable-source-maps"], build: manifest.build };
  } catch {
    return { file: path.join(ROOT, "lib/worker/analyzer-process.ts"), execArgv: ["--import", "tsx"], build: null };
  }
}

type Analyzer = { child: ChildProcess; build: string | null; heapMiB: number };

/**
 * ANALYZER_CPU_PROFILE_DIR=<dir>: each analyzer process (and its scan thread) writes a V8 CPU profile
 * there when it ends, for finding where an analysis spends its time (open it in Chrome's DevTools).
 */
function profileFlags(): string[] {
  const dir = process.env.ANALYZER_CPU_PROFILE_DIR;
  return dir ? ["--cpu-prof", `--cpu-prof-dir=${path.resolve(dir)}`] : [];
}

/**
 * The V8 flags of an analyzer process with a heap limit of `heapMiB` (also used by
 * scripts/bench/fork.ts, which forks builds the way the worker does).
 */
export function analyzerV8Flags(heapMiB: number): string[] {
  // Under a heap limit V8 starts the old generation small and, with a gigabyte of buffers passing
  // through, ran a full GC every ~30 ms (an analysis took 1.5x as long); starting it at 64 MiB does not.
  // V8's allocation-site pretenuring saw the first SIP message records survive (their calls still open)
  // and from then on made every record and string of those sites in the old generation, where they died:
  // half of what the scavenges promoted in the SIP-heavy profile, a full GC every few hundred ms. Off,
  // the SIP-heavy analysis takes 10-20 % less time (MRA: about 3 %).
  // A young generation of at most 4 MiB a semi-space (V8's default grows to 16): the SIP records that
  // die young die in cheap scavenges, and the 36 MiB it leaves unused let the old generation start at
  // 96 MiB (from 64) for the same peak. 1 GiB SIP-heavy: 8.6-9.1 s -> 7.2-8.4 s, 20 % less CPU, peak
  // 211-218 MiB (was 212-222); MRA the same. (128 MiB was 7.0-7.5 s but peaked at 244-249 MiB.)
  return [`--max-old-space-size=${heapMiB}`, `--initial-old-space-size=${Math.min(96, heapMiB >> 1)}`, "--max-semi-space-size=4", "--no-allocation-site-pretenuring"];
}

/** `ahead`: it will wait for its request, so it warms up meanwhile (lib/worker/warm-up.ts). */
function startAnalyzer(launch: Launch, heapMiB: number, ahead = false): Analyzer {
  const child = fork(launch.file, ahead ? ["--warm-up"] : [], {
    execArgv: [...launch.execArgv, ...analyzerV8Flags(heapMiB), ...profileFlags()],
    serialization: "advanced",
    stdio: ["ignore", "inherit", "inherit", "ipc"],
    env: { ...process.env, NODE_OPTIONS: "" },
  });
  return { child, build: launch.build, heapMiB };
}

/** The process started ahead for the next analysis, and its heap limit while a worker runs here. */
let spare: Analyzer | undefined;
let spareHeapMiB: number | null = null;

/**
 * Starts the process the next analysis takes, unless one is waiting. The worker calls it when it starts
 * and after each job has stored its results, so starting it (and its warm-up) does not compete with
 * that job for the CPU.
 */
export function prepareAnalyzer() {
  if (spareHeapMiB === null || spare) return;
  const launch = currentLaunch();
  // Only the bundle: a tsx process started ahead could run sources edited after it started.
  if (launch.build === null) return;
  const analyzer = startAnalyzer(launch, spareHeapMiB, true);
  const { child } = analyzer;
  child.on("error", () => {}); // one that could not start is not taken (see takeAnalyzer)
  child.once("exit", () => {
    if (spare === analyzer) spare = undefined;
  });
  // Waiting, it must not keep this process alive.
  child.unref();
  child.channel?.unref();
  spare = analyzer;
}

/** Keeps an analyzer process with this heap limit started ahead (see prepareAnalyzer) until stopAnalyzers. */
export function keepAnalyzerReady(heapMiB: number) {
  spareHeapMiB = heapMiB;
  if (currentLaunch().build === null) {
    console.warn("[worker] the bundled analyzer is missing or older than the sources (`npm run build` makes it): analyses start through tsx, about 1 s slower each");
  }
  prepareAnalyzer();
}

export function stopAnalyzers() {
  spareHeapMiB = null;
  spare?.child.kill("SIGKILL");
  spare = undefined;
}

/** The spare if it is alive and still current, else a new process. */
function takeAnalyzer(heapMiB: number): Analyzer {
  const taken = spare;
  spare = undefined;
  const launch = currentLaunch();
  if (taken && taken.child.connected && taken.heapMiB === heapMiB && taken.build === launch.build) {
    taken.child.ref();
    taken.child.channel?.ref();
    return taken;
  }
  taken?.child.kill("SIGKILL");
  return startAnalyzer(launch, heapMiB);
}

/** Processes that answered and wait to build their bundle's line index until its results are stored. */
const awaitingStored = new Set<ChildProcess>();

/**
 * Lets the processes that answered build their line index (lib/worker/store-line-index.ts): the worker
 * calls it once the job's results are stored. They finish on their own, without keeping this process up.
 */
export function releaseIndexers() {
  for (const child of awaitingStored) {
    if (child.connected) child.send(RESULTS_STORED, (err) => err && child.kill("SIGKILL"));
    child.unref();
    child.channel?.unref();
  }
  awaitingStored.clear();
}

export function analyzeInChild(
  request: ChildRequest,
  opts: { signal?: AbortSignal; heapMiB: number },
): Promise<ChildResponse & ({ ok: true } | { ok: false; bundleError: { code: string; message: string } })> {
  return new Promise((resolve, reject) => {
    const { child } = takeAnalyzer(opts.heapMiB);
    let answered = false;
    const abort = () => child.kill("SIGKILL");
    opts.signal?.addEventListener("abort", abort, { once: true });
    child.once("message", (message: ChildResponse) => {
      answered = true;
      // The job is over once it answered: pg-boss aborts a job's signal on every completion, which
      // must not kill the process while it builds the line index (it did, at any size worth indexing).
      opts.signal?.removeEventListener("abort", abort);
      if (message.ok && request.lineIndex) awaitingStored.add(child);
      if (message.ok || "bundleError" in message) resolve(message as never);
      else reject(new AnalyzerCrash(`the analyzer failed: ${message.crash}`));
    });
    child.once("error", (err) => reject(new AnalyzerCrash(`the analyzer could not start: ${err.message}`)));
    child.once("exit", (code, signal) => {
      opts.signal?.removeEventListener("abort", abort);
      awaitingStored.delete(child);
      if (!answered) {
        const why = opts.signal?.aborted ? "it was stopped" : signal ? `it was killed (${signal}${signal === "SIGKILL" ? ", possibly out of memory" : ""})` : `it exited with code ${code}`;
        reject(new AnalyzerCrash(`the analyzer ended without a result: ${why}`));
      }
    });
    child.send(request);
  });
}
