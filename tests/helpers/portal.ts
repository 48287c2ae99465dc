// Starts the real portal (server.ts, production build) as a child process on a free port, with its own
// data directory and, when DATABASE_URL is set, its own fresh PostgreSQL database, so tests never share
// state with each other or with a developer's portal.
import { spawn, type ChildProcess } from "node:child_process";
import { mkdtemp, rm } from "node:fs/promises";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import pg from "pg";

export type Portal = {
  url: string;
  dataDir: string;
  databaseUrl: string | null;
  process: ChildProcess;
  output: () => string;
  /** SIGTERM and wait; keeps data so a restart sees it */
  stop(): Promise<void>;
  /** stop and delete the data directory and database */
  dispose(): Promise<void>;
};

export const ROOT = path.resolve(__dirname, "../..");

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.once("error", reject);
    srv.listen(0, "127.0.0.1", () => {
      const { port } = srv.address() as net.AddressInfo;
      srv.close(() => resolve(port));
    });
  });
}

/** A new empty database on the server DATABASE_URL names; dropped by dispose(). */
export async function createTestDatabase(baseUrl: string): Promise<{ url: string; drop(): Promise<void> }> {
  const name = `ea_test_${process.pid}_${Math.random().toString(36).slice(2, 8)}`;
  const admin = new pg.Client({ connectionString: baseUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE "${name}"`);
  await admin.end();
  const url = new URL(baseUrl);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    async drop() {
      const c = new pg.Client({ connectionString: baseUrl });
      await c.connect();
      await c.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
      await c.end();
    },
  };
}

let built: Promise<void> | undefined;
/** A test file run on its own still serves the current sources (npm test builds before any test). */
function ensureBuilt(): Promise<void> {
  built ??= import(path.join(ROOT, "scripts/ensure-build.mjs")).then((m: { ensureBuild(): void }) => m.ensureBuild());
  return built;
}

export async function startPortal(opts: { env?: Record<string, string>; dataDir?: string; databaseUrl?: string | null } = {}): Promise<Portal> {
  await ensureBuilt();
  const dataDir = opts.dataDir ?? (await mkdtemp(path.join(os.tmpdir(), "ea-test-")));
  let database: { url: string; drop(): Promise<void> } | null = null;
  let databaseUrl = opts.databaseUrl ?? null;
  if (opts.databaseUrl === undefined && process.env.DATABASE_URL) {
    database = await createTestDatabase(process.env.DATABASE_URL);
    databaseUrl = database.url;
  }
  const port = await freePort();
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    NODE_ENV: "production",
    NEXT_TELEMETRY_DISABLED: "1",
    PORT: String(port),
    HOST: "127.0.0.1",
    DATA_DIR: dataDir,
    ...opts.env,
  };
  delete env.DATABASE_URL;
  if (databaseUrl) env.DATABASE_URL = databaseUrl;
  const child = spawn(process.execPath, ["--import", "tsx", path.join(ROOT, "server.ts")], { cwd: ROOT, env, stdio: ["ignore", "pipe", "pipe"] });
  let output = "";
  child.stdout!.on("data", (d) => (output += d));
  child.stderr!.on("data", (d) => (output += d));
  const url = `http://127.0.0.1:${port}`;
  await waitForHealth(url, child, () => output);

  let exited = false;
  child.once("exit", () => (exited = true));
  const stop = async () => {
    if (exited || child.exitCode !== null) return;
    const done = new Promise((resolve) => child.once("exit", resolve));
    child.kill("SIGTERM");
    const timer = setTimeout(() => child.kill("SIGKILL"), 15_000);
    await done;
    clearTimeout(timer);
  };
  return {
    url,
    dataDir,
    databaseUrl,
    process: child,
    output: () => output,
    stop,
    async dispose() {
      await stop();
      if (!opts.dataDir) await rm(dataDir, { recursive: true, force: true });
      await database?.drop();
    },
  };
}

async function waitForHealth(url: string, child: ChildProcess, output: () => string) {
  // Generous: a loaded CI machine running several portals at once can take a while to start one.
  const deadline = Date.now() + 180_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`portal exited with ${child.exitCode}:\n${output()}`);
    try {
      const res = await fetch(`${url}/api/health`);
      if (res.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  child.kill("SIGKILL");
  throw new Error(`portal did not become healthy in 180 s:\n${output()}`);
}

/** Polls GET /api/analyses/:id (as the user `headers` name) until the analysis is done or failed. */
export async function waitForAnalysis(url: string, id: string, headers: Record<string, string>, timeoutMs = 60_000, intervalMs = 200): Promise<any> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const res = await fetch(`${url}/api/analyses/${id}`, { headers });
    const body = await res.json();
    if (!res.ok) throw new Error(`GET /api/analyses/${id} answered ${res.status}: ${JSON.stringify(body)}`);
    if (body.status === "done" || body.status === "failed") return body;
    if (Date.now() > deadline) throw new Error(`analysis ${id} still ${body.status} after ${timeoutMs} ms`);
    await new Promise((r) => setTimeout(r, intervalMs));
  }
}

// Copies of ../shared/expressway/samples, kept in the repo so a clone tests on its own.
export const SAMPLES_DIR = path.join(ROOT, "tests/samples");
export const SAMPLE_SELF_SIGNED = path.join(SAMPLES_DIR, "diagnostic_log_expc1_2024-03-05_09_12_40.tar.gz");
export const SAMPLE_SNI = path.join(SAMPLES_DIR, "diagnostic_log_expc1_2024-03-05_10_02_11.tar.gz");
