// Uploads as an attacker (or a crash) leaves them: connections that go silent or trickle, a server
// killed mid-upload, names that disguise themselves, and files other local users could read.
import { after, describe, it } from "node:test";
import assert from "node:assert/strict";
import http from "node:http";
import { mkdtemp, readdir, readFile, rm, stat, utimes, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { createTestUser } from "../helpers/accounts";
import { portalWithUser } from "../helpers/portal-fixture";
import { SAMPLE_SELF_SIGNED, startPortal, waitForAnalysis } from "../helpers/portal";

const GZIP_HEAD = Buffer.from([0x1f, 0x8b, 0x08, 0x00, 0, 0, 0, 0, 0, 0x03]);

/** Starts a raw upload of `total` bytes and hands back the request to feed by hand, and its answer. */
function openUpload(url: string, headers: Record<string, string>, total: number) {
  const req = http.request(`${url}/api/analyses`, {
    method: "POST",
    headers: { ...headers, "content-type": "application/octet-stream", "content-length": String(total), "x-filename": "slow.tar.gz" },
  });
  const answer = new Promise<{ status: number; body: string; ms: number }>((resolve, reject) => {
    const started = Date.now();
    req.on("response", (res) => {
      let body = "";
      res.on("data", (d) => (body += d));
      res.on("end", () => resolve({ status: res.statusCode!, body, ms: Date.now() - started }));
      res.on("error", reject);
    });
    req.on("error", reject);
  });
  answer.catch(() => {});
  return { req, answer };
}

const uploads = (dataDir: string) => readdir(path.join(dataDir, "uploads")).catch(() => [] as string[]);

async function until<T>(what: string, fn: () => Promise<T | undefined | false>, timeoutMs = 30_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const v = await fn();
    if (v) return v;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

describe("slow uploads", () => {
  const fx = portalWithUser({ env: { UPLOAD_IDLE_SECONDS: "2", UPLOAD_MIN_BYTES_PER_SECOND: "20000" } });

  it("answers 408 to an upload that goes silent and removes what it had written", async () => {
    const { req, answer } = openUpload(fx.portal.url, fx.user.auth, 10 * 1024 * 1024);
    req.write(Buffer.concat([GZIP_HEAD, Buffer.alloc(256 * 1024)]));
    await until("the partial file", async () => (await uploads(fx.portal.dataDir)).some((n) => n.endsWith(".part")));
    const res = await Promise.race([answer, new Promise<null>((r) => setTimeout(() => r(null), 20_000))]);
    req.destroy();
    assert.ok(res, "answered within 20 s");
    assert.equal(res.status, 408, res.body);
    assert.equal(JSON.parse(res.body).error.code, "upload_timeout");
    await until("the partial file to go", async () => !(await uploads(fx.portal.dataDir)).some((n) => n.endsWith(".part")), 5_000);
  });

  it("answers 408 to an upload that trickles slower than the minimum rate", async () => {
    const { req, answer } = openUpload(fx.portal.url, fx.user.auth, 10 * 1024 * 1024);
    req.write(GZIP_HEAD);
    // a byte every 100 ms: never silent for long, but far below 20 kB/s
    const drip = setInterval(() => req.write(Buffer.alloc(100)), 100);
    try {
      const res = await Promise.race([answer, new Promise<null>((r) => setTimeout(() => r(null), 20_000))]);
      assert.ok(res, "answered within 20 s");
      assert.equal(res.status, 408, res.body);
    } finally {
      clearInterval(drip);
      req.destroy();
    }
    await until("the partial file to go", async () => !(await uploads(fx.portal.dataDir)).some((n) => n.endsWith(".part")), 5_000);
  });

  it("still takes an ordinary upload", async () => {
    const res = await fetch(`${fx.portal.url}/api/analyses`, { method: "POST", body: await readFile(SAMPLE_SELF_SIGNED), headers: { ...fx.user.auth, "X-Filename": "a.tar.gz" } });
    assert.equal(res.status, 202);
    assert.equal((await waitForAnalysis(fx.portal.url, (await res.json()).id, fx.user.auth)).status, "done");
  });
});

describe("leftovers", () => {
  const root = mkdtemp(path.join(os.tmpdir(), "ea-leftovers-"));
  after(async () => rm(await root, { recursive: true, force: true }));

  it("creates the data directory and stored bundles for the owner only", async () => {
    const dataDir = path.join(await root, "fresh-data");
    const portal = await startPortal({ dataDir, env: { UPLOAD_IDLE_SECONDS: "2" } });
    try {
      const user = await createTestUser(portal.url);
      const res = await fetch(`${portal.url}/api/analyses`, { method: "POST", body: await readFile(SAMPLE_SELF_SIGNED), headers: { ...user.auth, "X-Filename": "a.tar.gz" } });
      assert.equal(res.status, 202);
      const mode = async (p: string) => (await stat(p)).mode & 0o777;
      assert.equal(await mode(dataDir), 0o700, "data directory");
      assert.equal(await mode(path.join(dataDir, "uploads")), 0o700, "uploads directory");
      const names = await uploads(dataDir);
      assert.equal(names.length, 1);
      assert.equal(await mode(path.join(dataDir, "uploads", names[0])), 0o600, "stored bundle");
    } finally {
      await portal.stop();
    }
  });

  it("removes a killed upload's partial file and bundles without an analysis when it starts again", async () => {
    const dataDir = path.join(await root, "fresh-data");
    let portal = await startPortal({ dataDir, env: { UPLOAD_IDLE_SECONDS: "2" } });
    const user = await createTestUser(portal.url);
    const { req } = openUpload(portal.url, user.auth, 10 * 1024 * 1024);
    req.on("error", () => {});
    req.write(Buffer.concat([GZIP_HEAD, Buffer.alloc(128 * 1024)]));
    const part = await until("the partial file", async () => (await uploads(dataDir)).find((n) => n.endsWith(".part")));
    portal.process.kill("SIGKILL");
    await new Promise((r) => portal.process.once("exit", r));
    req.destroy();
    const before = await uploads(dataDir);
    assert.ok(before.includes(part));
    // a bundle whose analysis row is gone (deleted by hand, or a crash between storing and recording)
    const stray = path.join(dataDir, "uploads", "AAAAAAAAAAAAAAAAAAAAAA.bundle");
    await writeFile(stray, GZIP_HEAD);
    const old = new Date(Date.now() - 3600_000);
    await utimes(stray, old, old);
    await utimes(path.join(dataDir, "uploads", part), old, old);
    const kept = before.filter((n) => !n.endsWith(".part"));

    portal = await startPortal({ dataDir, env: { UPLOAD_IDLE_SECONDS: "2" } });
    try {
      const after = await uploads(dataDir);
      assert.deepEqual(after.sort(), kept.sort(), "the partial file and the stray bundle are gone, the analysed bundle stays");
      assert.match(portal.output(), /removed 2 orphaned uploads/);
    } finally {
      await portal.stop();
    }
  });
});

describe("file names", () => {
  const fx = portalWithUser();

  async function uploadNamed(rawHeader: string): Promise<string> {
    const body = await readFile(SAMPLE_SELF_SIGNED);
    const res = await new Promise<{ status: number; body: string }>((resolve, reject) => {
      const req = http.request(`${fx.portal.url}/api/analyses`, { method: "POST", headers: { ...fx.user.auth, "content-length": String(body.length) } });
      // set the header as raw bytes: Node sends a string header as latin1, one byte per character
      req.setHeader("x-filename", rawHeader);
      req.on("response", (r) => {
        let text = "";
        r.on("data", (d) => (text += d));
        r.on("end", () => resolve({ status: r.statusCode!, body: text }));
      });
      req.on("error", reject);
      req.end(body);
    });
    assert.equal(res.status, 202, res.body);
    const { id } = JSON.parse(res.body);
    return (await (await fetch(`${fx.portal.url}/api/analyses/${id}`, { headers: fx.user.auth })).json()).bundle.fileName;
  }

  it("reads raw UTF-8 in X-Filename as UTF-8 and removes bidirectional controls", async () => {
    const utf8AsLatin1 = (s: string) => Buffer.from(s, "utf8").toString("latin1");
    assert.equal(await uploadNamed(utf8AsLatin1("diagnostic_log_zürich_\u202egpj.tar.gz")), "diagnostic_log_zürich_gpj.tar.gz");
    assert.equal(await uploadNamed(utf8AsLatin1("log\u2066\u2069\u200f_expc1.tar.gz")), "log_expc1.tar.gz");
    // percent-encoded, as the portal's own page sends non-ASCII names
    assert.equal(await uploadNamed(encodeURIComponent("diagnostic_log_東京_\u202etxt.tar.gz")), "diagnostic_log_東京_txt.tar.gz");
    // Latin-1 that is not valid UTF-8 stays as sent
    assert.equal(await uploadNamed("caf\u00e9.tar.gz"), "café.tar.gz");
  });
});
