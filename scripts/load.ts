// `npm run load`: 20 concurrent uploads of mixed bundles (good, broken and hostile) while simulated
// users browse the portal. Reports page latency percentiles and checks that every upload ends as
// expected: none lost, none stuck. Traffic goes to a portal this script starts on loopback.
//   npm run load -- [--uploads 20] [--browsers 4] [--concurrency 2]
import { readFile } from "node:fs/promises";
import { randomBytes } from "node:crypto";
import { collect, gzipStream, makeTarGz, tarStream, xconfDump, xstatDump, LogBuilder, expresswayEntries } from "../tests/fixtures/build-bundle";
import { createTestUser } from "../tests/helpers/accounts";
import { SAMPLE_SELF_SIGNED, SAMPLE_SNI, startPortal, waitForAnalysis } from "../tests/helpers/portal";
import { syntheticLog } from "../lib/pipeline/synthetic-log";

const arg = (name: string, fallback: number) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? Number(process.argv[i + 1]) : fallback;
};
const UPLOADS = arg("uploads", 20);
const BROWSERS = arg("browsers", 4);
const CONCURRENCY = arg("concurrency", 2);

type Case = { name: string; body: Buffer; expect: "done" | "failed" };

async function cases(): Promise<Case[]> {
  const synthetic = await collect(syntheticLog(32 * 1024 ** 2));
  const big = await collect(gzipStream(tarStream([
    { name: "loggingsnapshot_expc1_2024-03-05_09_12_40.txt", content: synthetic },
    { name: "xconf_dump_expc1_2024-03-05_09_12_40.txt", content: xconfDump() },
    { name: "xstat_dump_expc1_2024-03-05_09_12_40.txt", content: xstatDump({ version: "X14.2.1" }) },
  ])));
  const sample = await readFile(SAMPLE_SELF_SIGNED);
  const log = new LogBuilder().mraRequest({ txnId: 1, host: "cucm.acme.test", ip: "192.0.2.20", port: 8443, path: "/cucm-uds/user/u/devices" });
  return [
    { name: "diagnostic_log_expc1_selfsigned.tar.gz", body: sample, expect: "done" },
    { name: "diagnostic_log_expc1_sni.tar.gz", body: await readFile(SAMPLE_SNI), expect: "done" },
    { name: "diagnostic_log_expc1_32mib.tar.gz", body: big, expect: "done" },
    { name: "hostile.tar.gz", body: await makeTarGz([{ name: "../../evil.txt", content: "x" }, ...expresswayEntries({ log, xstat: xstatDump() })]), expect: "done" },
    { name: "truncated.tar.gz", body: sample.subarray(0, sample.length >> 1), expect: "failed" },
    { name: "random.tar.gz", body: Buffer.concat([Buffer.from([0x1f, 0x8b, 8, 0]), randomBytes(64 * 1024)]), expect: "failed" },
  ];
}

const pct = (xs: number[], p: number) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor((p / 100) * xs.length))];

async function main() {
  const mix = await cases();
  const portal = await startPortal({ env: { WORKER_CONCURRENCY: String(CONCURRENCY), MAX_QUEUED: String(UPLOADS + 10), RATE_LIMIT_UPLOAD: "1000/60" } });
  // Scripts upload with an API token; the browsing clients are signed in with the session cookie.
  const user = await createTestUser(portal.url, "load");
  const latencies: number[] = [];
  let browsing = true;
  let pageErrors = 0;
  const ids: string[] = [];
  const browse = async () => {
    while (browsing) {
      const pages = ["/", "/analyses", ...(ids.length ? [`/analyses/${ids[Math.floor(Math.random() * ids.length)]}`] : [])];
      for (const p of pages) {
        const t = performance.now();
        const res = await fetch(`${portal.url}${p}`, { headers: { cookie: user.cookie } }).catch(() => null);
        latencies.push(performance.now() - t);
        if (!res || res.status !== 200) pageErrors++;
        await res?.arrayBuffer();
      }
    }
  };
  try {
    const browsers = Array.from({ length: BROWSERS }, browse);
    const started = performance.now();
    const uploads = await Promise.all(
      Array.from({ length: UPLOADS }, async (_, i) => {
        const c = mix[i % mix.length];
        const res = await fetch(`${portal.url}/api/analyses`, { method: "POST", body: new Uint8Array(c.body), headers: { ...user.auth, "X-Filename": c.name } });
        if (res.status !== 202) return { c, id: null, status: `http ${res.status}` };
        const { id } = await res.json();
        ids.push(id);
        const a = await waitForAnalysis(portal.url, id, user.auth, 600_000);
        return { c, id, status: a.status as string };
      }),
    );
    const seconds = (performance.now() - started) / 1000;
    browsing = false;
    await Promise.all(browsers);

    const listed = await (await fetch(`${portal.url}/api/analyses?pageSize=100`, { headers: user.auth })).json();
    const lost = uploads.filter((u) => u.id && !listed.items.some((s: any) => s.id === u.id)).length;
    const wrong = uploads.filter((u) => u.status !== u.c.expect);
    console.log(`${UPLOADS} concurrent uploads (${mix.length} kinds), worker concurrency ${CONCURRENCY}, ${BROWSERS} browsing clients`);
    console.log(`all finished in ${seconds.toFixed(1)} s; ${uploads.filter((u) => u.status === "done").length} done, ${uploads.filter((u) => u.status === "failed").length} failed as expected for broken bundles`);
    console.log(`page latency over ${latencies.length} requests: p50 ${pct(latencies, 50).toFixed(0)} ms, p95 ${pct(latencies, 95).toFixed(0)} ms, max ${Math.max(...latencies).toFixed(0)} ms; ${pageErrors} page errors`);
    console.log(`lost analyses: ${lost}; unexpected outcomes: ${wrong.length}${wrong.length ? ` (${wrong.map((w) => `${w.c.name}: ${w.status}`).join(", ")})` : ""}`);
    if (lost || wrong.length || pageErrors) process.exitCode = 1;
  } finally {
    browsing = false;
    await portal.dispose();
  }
}

main().then(() => process.exit(process.exitCode ?? 0), (err) => {
  console.error(err);
  process.exit(1);
});
