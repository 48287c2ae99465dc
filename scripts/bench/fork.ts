// `npm run bench:fork -- <bundle.tar.gz> [--runs 3] [--base <dir>]`: the analyzer process alone, forked
// as the worker forks it (the same V8 flags, started ahead and warmed up, then given the bundle), N times.
// With --base (a copy of another build's lib/generated/analyzer), the two builds run alternately, so that
// a machine that slows down or speeds up during the runs weighs on both alike. It prints, per run, the
// analyzer's own time, its CPU (all threads, and the main thread alone: the least noisy figure on a
// shared machine) and its peak RSS, then the medians. No portal, queue or database: for comparing
// builds; `npm run bench` gives the figures the issues' bounds are judged by. One run before them is not
// counted. With --base it also says whether the two builds' outputs (results, details, calls...) are the same.
import { fork } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { analyzerV8Flags } from "../../lib/worker/analyzer-client";
import type { ChildRequest, ChildResponse } from "../../lib/worker/protocol";

const HEAP_MIB = 384;
/** The worker starts its spare process well ahead of the job: its warm-up (~1 s) is over by then. */
const WARM_MS = 3000;
const TICK = 100; // /proc/<pid>/stat counts CPU in clock ticks of 1/100 s

type Run = { build: string; ms: number; cpu: number; mainCpu: number; peakMiB: number; output: Record<string, unknown> };

function cpuSeconds(statFile: string): number {
  // fields after the command's closing parenthesis: utime is the 12th, stime the 13th
  const fields = readFileSync(statFile, "utf8").split(") ")[1].split(" ");
  return (Number(fields[11]) + Number(fields[12])) / TICK;
}

async function once(build: string, entry: string, bundle: string, dataDir: string): Promise<Run> {
  const child = fork(entry, ["--warm-up"], {
    execArgv: ["--enable-source-maps", ...analyzerV8Flags(HEAP_MIB)],
    serialization: "advanced",
    stdio: ["ignore", "inherit", "inherit", "ipc"],
    env: { ...process.env, DATA_DIR: dataDir, NODE_OPTIONS: "" },
  });
  await new Promise((r) => setTimeout(r, WARM_MS));
  const pid = child.pid!;
  const before = { cpu: cpuSeconds(`/proc/${pid}/stat`), main: cpuSeconds(`/proc/${pid}/task/${pid}/stat`) };
  let last = before;
  // sampled until the answer: the process exits soon after it, and its /proc entry with it
  const timer = setInterval(() => {
    try {
      last = { cpu: cpuSeconds(`/proc/${pid}/stat`), main: cpuSeconds(`/proc/${pid}/task/${pid}/stat`) };
    } catch {
      // gone
    }
  }, 20);
  const request: ChildRequest = { object: { kind: "local", path: bundle }, fileName: path.basename(bundle), limits: {} };
  child.send(request);
  const answer = await new Promise<ChildResponse>((resolve, reject) => {
    child.once("message", (m) => resolve(m as ChildResponse));
    child.once("exit", (code) => reject(new Error(`the analyzer exited (${code}) without answering`)));
  });
  clearInterval(timer);
  child.kill();
  if (!answer.ok) throw new Error(`the analysis failed: ${"bundleError" in answer ? answer.bundleError.code : answer.crash}`);
  return { build, ms: answer.stats.ms, cpu: last.cpu - before.cpu, mainCpu: last.main - before.main, peakMiB: answer.stats.peakRssBytes / 1024 / 1024, output: answer.output as unknown as Record<string, unknown> };
}

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[s.length >> 1] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};

async function main() {
  const args = process.argv.slice(2);
  const option = (name: string) => {
    const i = args.indexOf(name);
    if (i === -1) return null;
    const v = args[i + 1];
    args.splice(i, 2);
    return v;
  };
  const runs = Number(option("--runs") ?? 3);
  const base = option("--base");
  const bundle = args[0];
  if (!bundle || !existsSync(bundle) || !Number.isInteger(runs) || runs < 1) {
    console.error("usage: npm run bench:fork -- <bundle.tar.gz> [--runs N] [--base <dir holding another build's analyzer-process.js>]");
    process.exit(2);
  }
  const current = path.resolve("lib/generated/analyzer/analyzer-process.js");
  if (!existsSync(current)) throw new Error("no analyzer build: run `node scripts/build-analyzer.mjs` first");
  const builds: [string, string][] = [["current", current]];
  if (base) builds.push(["base", path.resolve(base, "analyzer-process.js")]);
  const dataDir = mkdtempSync(path.join(os.tmpdir(), "ea-fork-"));
  const results: Run[] = [];
  try {
    // The first analysis after a pause runs slower (seen here: 20-30 % on a 2-core VM): one run is not counted.
    await once(builds[0][0], builds[0][1], bundle, dataDir);
    console.log("| run | build | analyzer | CPU (all threads) | CPU (main thread) | peak RSS |");
    console.log("| --- | --- | --- | --- | --- | --- |");
    for (let i = 1; i <= runs; i++) {
      for (const [name, entry] of i % 2 ? builds : [...builds].reverse()) {
        const r = await once(name, entry, bundle, dataDir);
        results.push(r);
        console.log(`| ${i} | ${name} | ${(r.ms / 1000).toFixed(2)} s | ${r.cpu.toFixed(2)} s | ${r.mainCpu.toFixed(2)} s | ${r.peakMiB.toFixed(0)} MiB |`);
      }
    }
    console.log("");
    for (const [name] of builds) {
      const mine = results.filter((r) => r.build === name);
      console.log(`median ${name}: analyzer ${(median(mine.map((r) => r.ms)) / 1000).toFixed(2)} s, CPU ${median(mine.map((r) => r.cpu)).toFixed(2)} s, main thread ${median(mine.map((r) => r.mainCpu)).toFixed(2)} s, peak ${Math.max(...mine.map((r) => r.peakMiB)).toFixed(0)} MiB (max)`);
    }
    if (base) {
      // A change for speed must not change what is found: the two builds' outputs, part by part.
      const a = results.find((r) => r.build === "current")!.output;
      const b = results.find((r) => r.build === "base")!.output;
      const parts = [...new Set([...Object.keys(a), ...Object.keys(b)])];
      const differ = parts.filter((k) => JSON.stringify(a[k]) !== JSON.stringify(b[k]));
      console.log(differ.length === 0 ? `outputs: the same (${parts.join(", ")})` : `outputs DIFFER in: ${differ.join(", ")}`);
    }
  } finally {
    rmSync(dataDir, { recursive: true, force: true });
  }
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
