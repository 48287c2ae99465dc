// Analyses run by separate worker processes sharing one PostgreSQL: a killed worker's analysis is
// finished by another, exactly once; two workers share the queue without doing anything twice.
// These need DATABASE_URL (the embedded database belongs to one process); CI sets it.
import { after, before, describe, it } from "node:test";
import assert from "node:assert/strict";
import { spawn, type ChildProcess } from "node:child_process";
import { readFile } from "node:fs/promises";
import path from "node:path";
import { collect, gzipStream, tarStream, xconfDump, xstatDump } from "../fixtures/build-bundle";
import { syntheticLog } from "../../lib/pipeline/synthetic-log";
import { createTestUser, type TestUser } from "../helpers/accounts";
import { ROOT, SAMPLE_SELF_SIGNED, startPortal, waitForAnalysis, type Portal } from "../helpers/portal";
import { SIGNATURES } from "@/lib/signatures/registry";

const QUEUE_ENV = { JOB_HEARTBEAT_SECONDS: "10", QUEUE_SUPERVISE_SECONDS: "2" };

function startWorker(portal: Portal): ChildProcess & { output: () => string } {
  const child = spawn(process.execPath, ["--import", "tsx", path.join(ROOT, "worker.ts")], {
    cwd: ROOT,
    env: { ...process.env, ...QUEUE_ENV, DATABASE_URL: portal.databaseUrl!, DATA_DIR: portal.dataDir },
    stdio: ["ignore", "pipe", "pipe"],
  }) as ChildProcess & { output: () => string };
  let out = "";
  child.stdout!.on("data", (d) => (out += d));
  child.stderr!.on("data", (d) => (out += d));
  child.output = () => out;
  return child;
}

async function until<T>(what: string, fn: () => Promise<T | undefined | false>, timeoutMs = 60_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const v = await fn();
    if (v) return v;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

const stopped = (child: ChildProcess) => new Promise((r) => (child.exitCode !== null || child.signalCode !== null ? r(null) : child.once("exit", r)));

describe("separate worker processes", { skip: process.env.DATABASE_URL ? false : "needs DATABASE_URL (run by CI)" }, () => {
  let portal: Portal;
  let user: TestUser;
  const workers: ChildProcess[] = [];
  before(async () => {
    portal = await startPortal({ env: { RUN_WORKER: "0", ...QUEUE_ENV } });
    user = await createTestUser(portal.url);
  });
  after(async () => {
    for (const w of workers) if (w.exitCode === null) w.kill("SIGKILL");
    await Promise.all(workers.map(stopped));
    await portal?.dispose();
  });

  async function upload(body: Buffer, name: string): Promise<string> {
    const res = await fetch(`${portal.url}/api/analyses`, { method: "POST", body: new Uint8Array(body), headers: { ...user.auth, "X-Filename": name } });
    assert.equal(res.status, 202);
    return (await res.json()).id;
  }

  it("finishes a killed worker's analysis on another worker, exactly once", async () => {
    // Big enough that the analysis is still running when its worker is killed.
    const log = await collect(syntheticLog(120 * 1024 ** 2, { failureEvery: 2000 }));
    const bundle = await collect(gzipStream(tarStream([
      { name: "loggingsnapshot_expc1_2024-03-05_09_12_40.txt", content: log },
      { name: "xconf_dump_expc1_2024-03-05_09_12_40.txt", content: xconfDump() },
      { name: "xstat_dump_expc1_2024-03-05_09_12_40.txt", content: xstatDump({ version: "X14.2.1" }) },
    ])));
    const first = startWorker(portal);
    workers.push(first);
    const id = await upload(bundle, "big.tar.gz");
    await until("the first worker to start the analysis", async () => {
      const a = await (await fetch(`${portal.url}/api/analyses/${id}`, { headers: user.auth })).json();
      return a.status === "running";
    });
    first.kill("SIGKILL");
    await stopped(first);

    const second = startWorker(portal);
    workers.push(second);
    const done = await waitForAnalysis(portal.url, id, user.auth, 120_000);
    assert.equal(done.status, "done", second.output());
    const ids = done.results.map((r: any) => r.signatureId);
    assert.equal(ids.length, SIGNATURES.length, "one result per signature, none duplicated");
    assert.equal(new Set(ids).size, ids.length);
    assert.equal(done.results.find((r: any) => r.signatureId === "x14-2-traffic-server-verification").outcome, "issue");
  });

  it("shares the queue between two workers without running anything twice", async () => {
    const other = startWorker(portal);
    workers.push(other);
    const bytes = await readFile(SAMPLE_SELF_SIGNED);
    const ids = await Promise.all(Array.from({ length: 6 }, (_, i) => upload(bytes, `sample-${i}.tar.gz`)));
    const results = await Promise.all(ids.map((id) => waitForAnalysis(portal.url, id, user.auth, 60_000)));
    for (const r of results) {
      assert.equal(r.status, "done");
      assert.equal(r.results.length, SIGNATURES.length);
    }
  });
});
