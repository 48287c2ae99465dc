// `npm run bench`: analysis speed and memory against `gzip -dc | grep`, at several bundle sizes.
// For each size it makes (and caches) a synthetic bundle, uploads it to a real portal process, times
// upload-finished -> results-stored, samples the server's RSS, and times grep over the same file.
//   npm run bench                  100 MiB, 1 GiB, 2 GiB of log text
//   npm run bench -- 256M 1G       chosen sizes (K/M/G suffixes)
//   npm run bench -- --sip 1G      the SIP-heavy profile (most lines network.sip and developer.*, calls and registrations)
import { spawnSync } from "node:child_process";
import { createReadStream, createWriteStream, existsSync, mkdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import path from "node:path";
import { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import { createTestUser } from "../../tests/helpers/accounts";
import { startPortal, waitForAnalysis, type Portal } from "../../tests/helpers/portal";
import { SYNTHETIC_XCONF, SYNTHETIC_XSTAT, syntheticLog } from "../../lib/pipeline/synthetic-log";
import { grepPatterns } from "./grep-patterns";
import { sipHeavyLog } from "./sip-log";

type Profile = "mra" | "sip";

const CACHE = process.env.BENCH_DIR ?? "/tmp/ea-bench";
const MiB = 1024 ** 2;
/** Times come from the server's createdAt/finishedAt; a rare poll leaves the CPU to the analysis (each GET costs the server ~20 ms). */
const POLL_MS = 1000;

function parseSize(s: string): number {
  const m = /^(\d+(?:\.\d+)?)([KMG]?)i?B?$/i.exec(s);
  if (!m) throw new Error(`bad size ${s}`);
  return Math.round(Number(m[1]) * { "": 1, K: 1024, M: MiB, G: 1024 * MiB }[m[2].toUpperCase() as "" | "K" | "M" | "G"]);
}
const label = (n: number) => (n >= 1024 * MiB ? `${(n / 1024 / MiB).toFixed(n % (1024 * MiB) ? 1 : 0)} GiB` : `${Math.round(n / MiB)} MiB`);

/** The log, and a tar.gz of it with the dumps, made with GNU tar + gzip -6 like the Expressway's. */
async function ensureBundle(size: number, profile: Profile = "mra"): Promise<{ dir: string; log: string; tgz: string }> {
  const tag = profile === "sip" ? `sip-${size}` : String(size);
  const dir = path.join(CACHE, `size-${tag}`);
  const stamp = "2024-03-05_09_12_40";
  const log = path.join(dir, `loggingsnapshot_expc1_${stamp}.txt`);
  const tgz = path.join(CACHE, `diagnostic_log_expc1_${stamp}-${tag}.tar.gz`);
  if (existsSync(tgz) && existsSync(log)) return { dir, log, tgz };
  mkdirSync(dir, { recursive: true });
  process.stdout.write(`making a ${label(size)} bundle in ${CACHE} ... `);
  await pipeline(Readable.from(profile === "sip" ? sipHeavyLog(size) : syntheticLog(size)), createWriteStream(log));
  writeFileSync(path.join(dir, `xconf_dump_expc1_${stamp}.txt`), SYNTHETIC_XCONF);
  writeFileSync(path.join(dir, `xstat_dump_expc1_${stamp}.txt`), SYNTHETIC_XSTAT);
  const res = spawnSync("bash", ["-c", `tar -C '${dir}' -cf - . | gzip -6 > '${tgz}.tmp' && mv '${tgz}.tmp' '${tgz}'`], { stdio: "inherit" });
  if (res.status !== 0) throw new Error("tar | gzip failed");
  console.log(`${label(statSync(tgz).size)} compressed`);
  return { dir, log, tgz };
}

/** Samples a process's RSS from /proc every 25 ms; `take()` returns the peak since the last take. */
function rssSampler(pid: number) {
  let peak = 0;
  const read = () => {
    try {
      const kb = Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, "utf8"))?.[1] ?? 0);
      peak = Math.max(peak, kb * 1024);
    } catch {
      // process gone
    }
  };
  const timer = setInterval(read, 25);
  return {
    take() {
      read();
      const p = peak;
      peak = 0;
      return p;
    },
    stop: () => clearInterval(timer),
  };
}

async function upload(portal: Portal, auth: Record<string, string>, file: string, name: string): Promise<string> {
  const res = await fetch(`${portal.url}/api/analyses`, {
    method: "POST",
    body: Readable.toWeb(createReadStream(file, { highWaterMark: MiB })) as unknown as BodyInit,
    headers: { ...auth, "X-Filename": name, "Content-Length": String(statSync(file).size) },
    duplex: "half",
  } as RequestInit);
  if (res.status !== 202) throw new Error(`upload refused: ${res.status} ${await res.text()}`);
  return (await res.json()).id;
}

/**
 * The viewer's figures for one analysis: the index's size and when it was stored, and the time to open a
 * page of lines at the start, middle and end of the log (and at line 10,000,000 when there is one), each
 * the second of two requests (the first also reads the index from storage; that one is shown in brackets).
 */
async function timeViewer(portal: Portal, auth: Record<string, string>, id: string, analysis: { finishedAt: string; bundle: { files: { name: string; kind: string }[] } }, b: { size: number; tgz: string }): Promise<string> {
  const indexFile = path.join(portal.dataDir, "uploads", `${id}.lines`);
  const deadline = Date.now() + 600_000;
  while (!existsSync(indexFile)) {
    if (Date.now() > deadline) throw new Error("no line index after 10 min");
    await new Promise((r) => setTimeout(r, 250));
  }
  const stored = (statSync(indexFile).mtimeMs - Date.parse(analysis.finishedAt)) / 1000;
  const log = analysis.bundle.files.find((f) => f.kind === "log")!.name;
  const open = async (line: number) => {
    const started = process.hrtime.bigint();
    const res = await fetch(`${portal.url}/api/analyses/${id}/files/${encodeURIComponent(log)}/lines?from=${line}&count=100`, { headers: auth });
    const body = await res.json();
    if (!res.ok) throw new Error(`lines answered ${res.status}: ${JSON.stringify(body)}`);
    return { ms: Number(process.hrtime.bigint() - started) / 1e6, total: body.total as number };
  };
  const first = await open(1);
  const total = first.total;
  const cell = async (line: number) => (line <= total ? `${(await open(line)).ms.toFixed(0)} ms` : "–");
  const cold = first.ms;
  const start = await cell(1);
  const middle = await cell(Math.floor(total / 2));
  const last = await cell(total - 99);
  const ten = await cell(10_000_000);
  const indexBytes = statSync(indexFile).size;
  return `| ${label(b.size)} | ${(indexBytes / 1024).toFixed(0)} KiB | ${((indexBytes / statSync(b.tgz).size) * 100).toFixed(2)} % | ${stored.toFixed(2)} s | ${start} (${cold.toFixed(0)} ms) | ${middle} | ${last} | ${ten} |`;
}

/** The fastest of three runs: a background hiccup must not flatter the ratio. */
function timeGrep(tgz: string): { seconds: number; matches: number } {
  const pattern = grepPatterns().map((p) => p.replace(/[.[\]()*+?^$|\\{}]/g, "\\$&")).join("|");
  let best = { seconds: Infinity, matches: 0 };
  for (let i = 0; i < 3; i++) {
    const started = process.hrtime.bigint();
    const res = spawnSync("bash", ["-c", `gzip -dc '${tgz}' | LC_ALL=C grep -c -E '${pattern.replace(/'/g, "'\\''")}'`], { encoding: "utf8" });
    const seconds = Number(process.hrtime.bigint() - started) / 1e9;
    if (seconds < best.seconds) best = { seconds, matches: Number(res.stdout.trim()) };
  }
  return best;
}

async function main() {
  const args = process.argv.slice(2);
  const profile: Profile = args.includes("--sip") ? "sip" : "mra";
  const sizeArgs = args.filter((a) => !a.startsWith("--"));
  const sizes = (sizeArgs.length ? sizeArgs : ["100M", "1G", "2G"]).map(parseSize);
  const bundles = [];
  for (const size of sizes) bundles.push({ size, ...(await ensureBundle(size, profile)) });

  const portal = await startPortal({ env: { MAX_UPLOAD_BYTES: String(8 * 1024 * MiB), JOB_TIMEOUT_SECONDS: "3600", RATE_LIMIT_UPLOAD: "1000/60" } });
  const user = await createTestUser(portal.url, "bench");
  const rss = rssSampler(portal.process.pid!);
  try {
    await new Promise((r) => setTimeout(r, 1000));
    const idle = rss.take();
    console.log(`\nportal: ${portal.databaseUrl ? "PostgreSQL" : "embedded PGlite"}, idle RSS ${label(idle)}, profile ${profile === "sip" ? "SIP-heavy" : "MRA"}`);
    console.log("\n| log text | bundle | analysis (a) | of which in the analyzer | gzip -dc | grep (b) | a/b | throughput | analyzer peak RSS | web server peak RSS |");
    console.log("| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |");
    const rows = [];
    const viewerRows: string[] = [];
    for (const b of bundles) {
      // After an analysis the worker starts the next analyzer process, which warms up (~0.5 s of CPU):
      // grep runs once that is over, then the analysis.
      await new Promise((r) => setTimeout(r, 1500));
      const grep = timeGrep(b.tgz);
      const id = await upload(portal, user.auth, b.tgz, path.basename(b.tgz));
      rss.take();
      const analysis = await waitForAnalysis(portal.url, id, user.auth, 3600_000, POLL_MS);
      const peak = rss.take();
      if (analysis.status !== "done") throw new Error(`analysis failed: ${JSON.stringify(analysis.error)}`);
      // Timed by the server's clock: the analysis is created once its upload is stored (createdAt), and
      // finishedAt is taken as its results are stored. A client's poll would add up to its interval, and
      // polling often enough to be precise takes CPU the analysis could use on a two-core machine.
      const a = (Date.parse(analysis.finishedAt) - Date.parse(analysis.createdAt)) / 1000;
      const analyzerPeak = analysis.stats?.peakRssBytes ?? 0;
      const row = { size: b.size, a, b: grep.seconds, ratio: a / grep.seconds, mbps: b.size / MiB / a, peak: analyzerPeak, serverPeak: peak };
      rows.push(row);
      const inAnalyzer = analysis.stats ? `${(analysis.stats.analysisMs / 1000).toFixed(2)} s` : "?";
      console.log(`| ${label(b.size)} | ${label(statSync(b.tgz).size)} | ${a.toFixed(2)} s | ${inAnalyzer} | ${grep.seconds.toFixed(2)} s (${grep.matches} lines) | ${row.ratio.toFixed(2)} | ${row.mbps.toFixed(0)} MB/s | ${label(analyzerPeak)} | ${label(peak)} |`);
      // also waits for the index to be built, so the next row's grep does not share the CPU with it
      viewerRows.push(await timeViewer(portal, user.auth, id, analysis, b));
    }
    console.log("\nlog viewer: the line index (built by the analyzer after the results are stored) and GET …/lines?from=N&count=100");
    console.log("\n| log text | index | of the bundle | index stored after the results | open line 1 | middle | last | 10,000,000 |");
    console.log("| --- | --- | --- | --- | --- | --- | --- | --- |");
    for (const r of viewerRows) console.log(r);

    // A 1 GiB upload (an uncompressed tar, so the body really is 1 GiB): the server's RSS while it arrives.
    const big = bundles.find((b) => b.size >= 1024 * MiB) ?? bundles[bundles.length - 1];
    const tar = path.join(CACHE, `upload-${big.size}.tar`);
    if (!existsSync(tar)) spawnSync("tar", ["-C", big.dir, "-cf", tar, "."], { stdio: "inherit" });
    rss.take();
    const id = await upload(portal, user.auth, tar, "diagnostic_log_expc1_upload.tar");
    const uploadPeak = rss.take();
    await waitForAnalysis(portal.url, id, user.auth, 3600_000, POLL_MS);
    console.log(`\nupload of ${label(statSync(tar).size)}: server peak RSS while receiving ${label(uploadPeak)} (idle ${label(idle)})`);

    // The target is the issue's 1 GiB benchmark (and larger); smaller bundles are shown for how time
    // grows: their ratio also carries the fixed cost of every analysis (queue, storing the results).
    const judged = rows.some((r) => r.size >= 1024 * MiB) ? rows.filter((r) => r.size >= 1024 * MiB) : rows;
    const worst = judged.reduce((m, r) => (r.ratio > m.ratio ? r : m), judged[0]);
    const maxPeak = Math.max(...rows.map((r) => r.peak));
    const serverGrowth = Math.max(...rows.map((r) => r.serverPeak), uploadPeak) - idle;
    const small = rows.filter((r) => !judged.includes(r));
    // The issues' bounds: an MRA log within 1.25x of grep (#10, #14, #16), a SIP-heavy one within 1.5x (#11).
    const bound = profile === "sip" ? 1.5 : 1.25;
    console.log(`\ntargets: ratio <= ${bound} at ${judged.map((r) => label(r.size)).join(", ")} (worst ${worst.ratio.toFixed(2)} at ${label(worst.size)}): ${worst.ratio <= bound ? "met" : "NOT met"}` +
      `${small.length ? ` (and ${small.map((r) => `${r.ratio.toFixed(2)} at ${label(r.size)}`).join(", ")}, not judged)` : ""}; ` +
      `analyzer peak RSS <= 256 MiB (max ${label(maxPeak)}): ${maxPeak <= 256 * MiB ? "met" : "NOT met"}; ` +
      `web server RSS growth over idle during uploads and analyses: ${label(Math.max(0, serverGrowth))}`);
  } finally {
    rss.stop();
    await portal.dispose();
  }
}

main().then(() => process.exit(0), (err) => {
  console.error(err);
  process.exit(1);
});
