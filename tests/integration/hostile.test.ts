// Broken and hostile bundles through the real server: each gets a clear error or a result with notes,
// the server keeps serving, and nothing is written outside the data directory.
import { describe, it } from "node:test";
import assert from "node:assert/strict";
import { randomBytes } from "node:crypto";
import { existsSync } from "node:fs";
import { readFile, readdir } from "node:fs/promises";
import path from "node:path";
import {
  LogBuilder,
  collect,
  expresswayEntries,
  gzipStream,
  makeTarGz,
  repeatedBytes,
  tarStream,
  xconfDump,
  xstatDump,
} from "../fixtures/build-bundle";
import { createTestUser } from "../helpers/accounts";
import { SAMPLE_SELF_SIGNED, startPortal, waitForAnalysis, type Portal } from "../helpers/portal";
import { portalWithUser } from "../helpers/portal-fixture";

describe("hostile bundles", () => {
  const fx = portalWithUser();

  async function analyse(body: Buffer, fileName: string) {
    const res = await fetch(`${fx.portal.url}/api/analyses`, { method: "POST", body: new Uint8Array(body), headers: { ...fx.user.auth, "X-Filename": fileName } });
    assert.equal(res.status, 202, await res.clone().text());
    return waitForAnalysis(fx.portal.url, (await res.json()).id, fx.user.auth, 120_000);
  }

  function assertFailedCleanly(analysis: any, code: string) {
    assert.equal(analysis.status, "failed");
    assert.equal(analysis.error.code, code);
    assert.ok(analysis.error.message.length > 20, "the reason is explained");
    assert.deepEqual(analysis.results, [], "no half analysis is stored");
  }

  const validLog = () => new LogBuilder().mraRequest({ txnId: 1, host: "cucm.acme.test", ip: "192.0.2.20", port: 8443, path: "/cucm-uds/fx.user/u1/devices" });

  it("gives results for what a truncated archive holds before the cut, marked partial with the byte offset", async () => {
    const whole = await readFile(SAMPLE_SELF_SIGNED);
    const analysis = await analyse(whole.subarray(0, Math.floor(whole.length / 2)), "cut.tar.gz");
    assert.equal(analysis.status, "done");
    assert.ok(analysis.bundle.partial, "marked partial");
    assert.ok(analysis.bundle.partial.archiveOffset > 0);
    assert.ok(analysis.bundle.notes.some((n: string) => /truncated: reading stopped at byte/.test(n)));
    assert.ok(analysis.results.length > 0);
  });

  it("fails a truncated archive of which nothing could be read, with the reason", async () => {
    const whole = await readFile(SAMPLE_SELF_SIGNED);
    assertFailedCleanly(await analyse(whole.subarray(0, 40), "cut.tar.gz"), "truncated");
  });

  it("fails a gzip bomb without inflating it all", async () => {
    const bomb = await collect(gzipStream(tarStream([{ name: "loggingsnapshot_x.txt", size: 512 * 1024 ** 2, content: () => repeatedBytes(512 * 1024 ** 2, 0x20) }]), 9));
    assert.ok(bomb.length < 2 * 1024 ** 2);
    assertFailedCleanly(await analyse(bomb, "bomb.tar.gz"), "decompression_bomb");
  });

  it("fails an archive with nothing from an Expressway in it, saying what a bundle holds", async () => {
    const analysis = await analyse(await makeTarGz([{ name: "holiday/photo.jpg", content: Buffer.from([0xff, 0xd8, 0xff]) }]), "photos.tar.gz");
    assertFailedCleanly(analysis, "no_expressway_files");
    assert.match(analysis.error.message, /loggingsnapshot/);
  });

  it("skips ../, absolute, symlink and hard-link entries with notes and writes nothing outside the data directory", async () => {
    const escapeName = `ea-escape-${process.pid}-${Date.now()}.txt`;
    const analysis = await analyse(
      await makeTarGz([
        { name: `../../../../../../tmp/${escapeName}`, content: "owned" },
        { name: `/tmp/${escapeName}`, content: "owned" },
        { name: "passwd", type: "symlink", linkname: "/etc/passwd" },
        { name: "hard", type: "link", linkname: "/etc/shadow" },
        ...expresswayEntries({ log: validLog(), xconf: xconfDump(), xstat: xstatDump() }),
      ]),
      "hostile.tar.gz",
    );
    assert.equal(analysis.status, "done");
    const notes = analysis.bundle.notes.join("\n");
    assert.match(notes, /unsafe/i);
    assert.match(notes, /symlink|symbolic/i);
    assert.ok(!existsSync(path.join("/tmp", escapeName)));
    assert.ok(!analysis.bundle.files.some((f: any) => f.name === "passwd" || f.name === "hard"));
    // The data directory holds only the database, the uploads and the lock.
    const top = (await readdir(fx.portal.dataDir)).filter((n) => n !== "pglite" && n !== "uploads" && n !== "pglite.lock");
    assert.deepEqual(top, []);
    const uploads = await readdir(path.join(fx.portal.dataDir, "uploads"));
    // bundles and their line indexes (the log viewer's), under our own keys only
    assert.ok(uploads.every((n) => /^[A-Za-z0-9_-]+\.(bundle|lines)$/.test(n)), uploads.join(","));
  });

  it("skips a 64 MiB line with a note and analyses the rest", async () => {
    const log = validLog().toString();
    // Incompressible, like a real runaway line (a line of one repeated byte would trip the bomb guard):
    // a 1 MiB random block repeats beyond deflate's 32 KiB window.
    const block = Buffer.from(randomBytes(768 * 1024).toString("base64"));
    const hugeLine = async function* () {
      for (let i = 0; i < 64; i++) yield block;
      yield Buffer.from("\n" + log);
    };
    const size = 64 * 1024 ** 2 + 1 + Buffer.byteLength(log);
    const body = await collect(gzipStream(tarStream([
      { name: "loggingsnapshot_expc1_2024-03-05_09_12_40.txt", size, content: hugeLine },
      { name: "xstat_dump_expc1_2024-03-05_09_12_40.txt", content: xstatDump() },
    ])));
    const analysis = await analyse(body, "long-line.tar.gz");
    assert.equal(analysis.status, "done");
    assert.match(analysis.bundle.notes.join("\n"), /64(\.0)? MiB line was skipped/);
    assert.equal(analysis.results.find((r: any) => r.signatureId === "x14-2-traffic-server-verification").outcome, "ok");
  });

  it("stores an analysis whose evidence lines hold NUL bytes (PostgreSQL's jsonb refuses \\u0000), shown as U+FFFD", async () => {
    // A log cut by a crash is often padded with NULs; here they sit inside the very lines the cards quote.
    const log = validLog()
      .verificationFailure({ name: "cucm.acme.test\u0000\u0000", ip: "192.0.2.20", error: "self signed certificate", depth: 0 })
      .raw("\u0000\u0000\u0000")
      .toString();
    const body = await collect(gzipStream(tarStream([
      { name: "loggingsnapshot_expc1_2024-03-05_09_12_40.txt", content: Buffer.from(log) },
      { name: "xstat_dump_expc1_2024-03-05_09_12_40.txt", content: xstatDump() },
    ])));
    const analysis = await analyse(body, "nul-bytes.tar.gz");
    assert.equal(analysis.status, "done", JSON.stringify(analysis.error));
    const card = analysis.results.find((r: any) => r.signatureId === "x14-2-traffic-server-verification");
    assert.equal(card.outcome, "issue");
    const quoted = JSON.stringify(card.evidence);
    assert.ok(!quoted.includes("\\u0000"), "no NUL reaches the stored evidence");
    assert.match(quoted, /cucm\.acme\.test\uFFFD\uFFFD/);
  });

  it("fails a tar with 100 000 entries at the entry limit, quickly", async () => {
    const entries = Array.from({ length: 100_000 }, (_, i) => ({ name: `d/${i}.txt`, content: "" }));
    const started = Date.now();
    const analysis = await analyse(await collect(gzipStream(tarStream(entries))), "many.tar.gz");
    assertFailedCleanly(analysis, "too_many_entries");
    assert.ok(Date.now() - started < 60_000);
  });

  it("reads a file under a very deep path and device entries are skipped", async () => {
    const deep = `${Array.from({ length: 120 }, (_, i) => `level${i}`).join("/")}/loggingsnapshot_expc1_2024-03-05_09_12_40.txt`;
    const analysis = await analyse(
      await makeTarGz([
        { name: deep, content: validLog().toString() },
        { name: "dev/sda", type: "block-device" },
        { name: "dev/tty", type: "character-device" },
        { name: "xstat_dump_expc1_2024-03-05_09_12_40.txt", content: xstatDump() },
      ]),
      "deep.tar.gz",
    );
    assert.equal(analysis.status, "done");
    assert.ok(analysis.bundle.files.some((f: any) => f.name === deep && f.kind === "log"));
    assert.match(analysis.bundle.notes.join("\n"), /block device/);
    assert.match(analysis.bundle.notes.join("\n"), /character device/);
  });

  it("analyses a bare loggingsnapshot .txt", async () => {
    const analysis = await analyse(Buffer.from(validLog().toString()), "loggingsnapshot_expc1_2024-03-05_09_12_40.txt");
    assert.equal(analysis.status, "done");
    assert.equal(analysis.bundle.files[0].kind, "log");
  });

  it("keeps serving after all of the above", async () => {
    const res = await fetch(`${fx.portal.url}/api/health`);
    assert.equal(res.status, 200);
  });
});

describe("embedded database", () => {
  it("keeps analyses across a restart and refuses a second process on the same directory", async () => {
    const first = await startPortal({ databaseUrl: null });
    let second: Portal | undefined;
    try {
      const user = await createTestUser(first.url);
      const res = await fetch(`${first.url}/api/analyses`, { method: "POST", body: await readFile(SAMPLE_SELF_SIGNED), headers: { ...user.auth, "X-Filename": "a.tar.gz" } });
      const { id } = await res.json();
      assert.equal((await waitForAnalysis(first.url, id, user.auth)).status, "done");

      await assert.rejects(startPortal({ databaseUrl: null, dataDir: first.dataDir }), /in use by process/);

      await first.stop();
      second = await startPortal({ databaseUrl: null, dataDir: first.dataDir });
      // The token is in the database too: it works after the restart.
      const again = await (await fetch(`${second.url}/api/analyses/${id}`, { headers: user.auth })).json();
      assert.equal(again.status, "done");
      assert.equal(again.results.find((r: any) => r.signatureId === "x14-2-traffic-server-verification").outcome, "issue");
    } finally {
      await second?.stop();
      await first.dispose();
    }
  });
});
