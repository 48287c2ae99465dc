// Bundles kept in S3-compatible object storage (S3_BUCKET), against s3rver, an S3 emulator on loopback:
// uploads stream in as multipart uploads, the analyzer process streams them back out, and a refused
// upload leaves no object behind.
import { after, before, describe, it } from "node:test";
import assert from "node:assert/strict";
import { mkdtemp, readdir, readFile, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { randomBytes } from "node:crypto";
import { ListObjectsV2Command, S3Client } from "@aws-sdk/client-s3";
// @ts-expect-error s3rver ships no types
import S3rver from "s3rver";
import { collect, gzipStream, tarStream, xstatDump } from "../fixtures/build-bundle";
import { createTestUser, type TestUser } from "../helpers/accounts";
import { freePort, SAMPLE_SELF_SIGNED, startPortal, waitForAnalysis, type Portal } from "../helpers/portal";

const BUCKET = "bundles-test";

describe("S3 object storage", () => {
  let s3: any;
  let s3Dir: string;
  let endpoint: string;
  let portal: Portal;
  let client: S3Client;
  let user: TestUser;

  before(async () => {
    s3Dir = await mkdtemp(path.join(os.tmpdir(), "ea-s3-"));
    const port = await freePort();
    s3 = new S3rver({ port, address: "127.0.0.1", silent: true, directory: s3Dir, configureBuckets: [{ name: BUCKET }] });
    await s3.run();
    endpoint = `http://127.0.0.1:${port}`;
    const credentials = { AWS_ACCESS_KEY_ID: "S3RVER", AWS_SECRET_ACCESS_KEY: "S3RVER" };
    portal = await startPortal({ env: { S3_BUCKET: BUCKET, S3_ENDPOINT: endpoint, S3_FORCE_PATH_STYLE: "1", S3_PREFIX: "b/", ...credentials } });
    user = await createTestUser(portal.url);
    client = new S3Client({ region: "us-east-1", endpoint, forcePathStyle: true, credentials: { accessKeyId: "S3RVER", secretAccessKey: "S3RVER" } });
  });
  after(async () => {
    await portal?.dispose();
    await s3?.close();
    await rm(s3Dir, { recursive: true, force: true });
  });

  const objects = async () => ((await client.send(new ListObjectsV2Command({ Bucket: BUCKET }))).Contents ?? []).map((o) => ({ key: o.Key!, size: o.Size! }));

  async function upload(body: Uint8Array, name: string) {
    return fetch(`${portal.url}/api/analyses`, { method: "POST", body: body as unknown as BodyInit, headers: { ...user.auth, "X-Filename": name } });
  }

  it("stores the upload as an object, analyses it from there, and keeps nothing on local disk", async () => {
    const bytes = await readFile(SAMPLE_SELF_SIGNED);
    const res = await upload(new Uint8Array(bytes), "sample.tar.gz");
    assert.equal(res.status, 202);
    const { id } = await res.json();
    const analysis = await waitForAnalysis(portal.url, id, user.auth);
    assert.equal(analysis.status, "done", JSON.stringify(analysis.error));
    assert.equal(analysis.results.find((r: any) => r.signatureId === "x14-2-traffic-server-verification").outcome, "issue");
    // the bundle, and its line index beside it once the analyzer has built it (after the results)
    const deadline = Date.now() + 20_000;
    while (!(await objects()).some((o) => o.key === `b/${id}.lines`) && Date.now() < deadline) await new Promise((r) => setTimeout(r, 100));
    const stored = await objects();
    assert.deepEqual(stored.map((o) => o.key), [`b/${id}.bundle`, `b/${id}.lines`]);
    assert.equal(stored[0].size, bytes.length);
    const local = await readdir(path.join(portal.dataDir, "uploads")).catch(() => []);
    assert.deepEqual(local, []);
  });

  it("streams a bundle larger than one multipart part", async () => {
    // ~24 MiB of incompressible filler beside a small log: three 8 MiB parts.
    const filler = randomBytes(24 * 1024 ** 2);
    const body = await collect(gzipStream(tarStream([
      { name: "xstat_dump_expc1_2024-03-05_09_12_40.txt", content: xstatDump() },
      { name: "eth0_diagnostic_logging_tcpdump00_expc1_2024-03-05_09_12_40.pcap", content: filler },
    ]), 1));
    const res = await upload(new Uint8Array(body), "big.tar.gz");
    assert.equal(res.status, 202);
    const { id } = await res.json();
    const analysis = await waitForAnalysis(portal.url, id, user.auth);
    assert.equal(analysis.status, "done", JSON.stringify(analysis.error));
    const stored = (await objects()).find((o) => o.key === `b/${id}.bundle`);
    assert.equal(stored?.size, body.length);
  });

  it("removes the object of an upload it refuses", async () => {
    // bundles only: an earlier analysis's line index may still be arriving
    const bundles = async () => (await objects()).filter((o) => o.key.endsWith(".bundle")).length;
    const before = await bundles();
    const res = await upload(new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0, 1, 2, 3, 0, 0]), "x.tar.gz");
    assert.equal(res.status, 415);
    assert.equal(await bundles(), before);
  });
});
