// The in-browser bundle peek: it agrees with the server on the bundle model table, reads a File in
// slices within its gzip budget, and shows early warnings.
// Run: node --import tsx --test lib/ui/peek-bundle.test.ts
import { describe, it } from "node:test";
import assert from "node:assert/strict";
import { gzip } from "pako";
import { LogBuilder, makeTar, makeTarGz } from "@/tests/fixtures/build-bundle";
import { BUNDLE_MODEL_CASES } from "@/tests/fixtures/bundle-model-cases";
import { GzipPeeker, peekFile, sniffLogText } from "./peek-bundle";

const LOG_LINE =
  "2024-03-05T04:12:52.358-05:00 expc1 traffic_server[2030]: [ET_NET 3] WARNING: Core server certificate verification failed for (cucm-pub.acme.test). Action=Terminate Error=self signed certificate server=cucm-pub.acme.test(192.0.2.10) depth=0\n";

const STAMP = "2024-03-05_09_12_40";
const bundleEntries = () => [
  { name: "tmp/", type: "directory" as const },
  { name: `tmp/loggingsnapshot_expc1_${STAMP}.txt`, content: LOG_LINE.repeat(50) },
  { name: `tmp/xconf_dump_expc1_${STAMP}.txt`, content: "*c xConfiguration EdgeConfigServer VerifyOriginServer: On\n" },
  { name: `tmp/xstat_dump_expc1_${STAMP}.txt`, content: '*s SystemUnit:\n    Software:\n      Version: "X14.2.1"\n' },
  { name: `tmp/eth0_diagnostic_logging_tcpdump00_expc1_${STAMP}.pcap`, content: Buffer.alloc(3000) },
  { name: `tmp/ca_expc1_${STAMP}.pem`, content: "-----BEGIN CERTIFICATE-----\n" },
];

function chunks(buf: Uint8Array, size: number): Uint8Array[] {
  const out: Uint8Array[] = [];
  for (let i = 0; i < buf.length; i += size) out.push(buf.subarray(i, i + size));
  return out;
}

describe("bundle model, browser side: the peek agrees with the table", () => {
  for (const c of BUNDLE_MODEL_CASES) {
    it(c.title, async () => {
      const peek = await peekFile(new File([new Uint8Array(await c.bytes())], c.fileName), { limits: { sliceSize: 64 * 1024 } });
      assert.equal(peek.refusal?.code ?? null, c.refusal, peek.refusal?.message);
      assert.deepEqual(
        peek.files.map((f) => [f.name, f.kind]),
        c.files,
      );
      // every archive of the table fits the peek's budget: listed to its end (a bare log is only sampled)
      if (peek.logLines === null) assert.equal(peek.partial, false);
    });
  }
});

describe("GzipPeeker", () => {
  it("inflates in slices and lists the bundle", async () => {
    const gz = await makeTarGz(bundleEntries());
    const p = new GzipPeeker();
    const parts = chunks(gz, 100);
    parts.forEach((c, i) => p.push(c, i === parts.length - 1));
    assert.equal(p.refusal, null);
    assert.equal(p.partial, false);
    assert.equal(p.content, "tar");
    assert.equal(p.listing.files.length, bundleEntries().length - 1);
  });

  it("gives up after the decompressed budget and marks the listing partial", async () => {
    const big = await makeTar([
      { name: `loggingsnapshot_expc1_${STAMP}.txt`, content: Buffer.from(LOG_LINE.repeat(20_000)) },
      { name: `xconf_dump_expc1_${STAMP}.txt`, content: "x" },
    ]);
    const gz = gzip(big);
    const p = new GzipPeeker({ maxDecompressed: 1024 * 1024, sliceSize: 1024, textSample: 64 * 1024, maxEntries: 100 });
    let pushed = 0;
    for (const c of chunks(gz, 1024)) {
      if (p.finished) break;
      p.push(c);
      pushed++;
    }
    assert.equal(p.finished, true);
    assert.equal(p.partial, true);
    assert.ok(p.decompressed < 2 * 1024 * 1024);
    assert.ok(pushed < chunks(gz, 1024).length);
    assert.deepEqual(p.listing.files.map((f) => f.name), [`loggingsnapshot_expc1_${STAMP}.txt`]);
  });

  it("calls a damaged gzip stream corrupt instead of throwing", async () => {
    const broken = (await makeTarGz(bundleEntries())).slice();
    for (let i = 20; i < 60; i++) broken[i] ^= 0xff;
    const p = new GzipPeeker();
    p.push(broken, true);
    assert.ok(p.refusal?.code === "corrupt" || p.refusal?.code === "truncated", JSON.stringify(p.refusal));
  });
});

describe("log sniffing", () => {
  it("counts Expressway syslog lines and finds the host", () => {
    const text =
      LOG_LINE +
      '2024-03-05T04:12:53.001-05:00 expc1 tvcs: UTCTime="2024-03-05 09:12:53,001" Module="network.sip" Level="DEBUG":  Action="Received"\n' +
      "SIPMSG:\n|INVITE sip:1234@example.com SIP/2.0\n|\n" +
      "cut line";
    const r = sniffLogText(text);
    assert.equal(r.matching, 2);
    assert.equal(r.sampled, 2);
    assert.equal(r.host, "expc1");
    assert.equal(r.expressway, true);
  });

  it("does not take prose for a log", () => {
    const r = sniffLogText("hello world\nthis is not a log\n\n");
    assert.equal(r.matching, 0);
    assert.equal(r.expressway, false);
  });
});

describe("peekFile", () => {
  it("peeks a .tar.gz File by slices: counts kinds, host and time from the name, no warnings", async () => {
    const file = new File([new Uint8Array(await makeTarGz(bundleEntries()))], `diagnostic_log_expc1_${STAMP}.tar.gz`);
    const sum = await peekFile(file, { limits: { sliceSize: 333 } });
    assert.equal(sum.format, "gzip");
    assert.equal(sum.host, "expc1");
    assert.equal(sum.timestamp, "2024-03-05 09:12:40");
    assert.deepEqual(sum.counts, { log: 1, xconf: 1, xstat: 1, capture: 1, certificate: 1, other: 0 });
    assert.equal(sum.partial, false);
    assert.equal(sum.looksLikeExpressway, true);
    assert.equal(sum.refusal, null);
    assert.deepEqual(sum.warnings, []);
  });

  it("reads only headers of a plain .tar, jumping over large data", async () => {
    const entries = [...bundleEntries(), { name: "big.bin", content: Buffer.alloc(1024 * 1024) }, { name: "after.txt", content: "x" }];
    const file = new File([new Uint8Array(await makeTar(entries))], `diagnostic_log_expc1_${STAMP}.tar`);
    const sum = await peekFile(file);
    assert.equal(sum.format, "tar");
    assert.equal(sum.files.length, entries.length - 1);
    assert.ok(sum.bytesScanned < file.size / 2, `${sum.bytesScanned} of ${file.size}`);
    assert.deepEqual(sum.warnings, []);
  });

  it("says a plain tar named .tgz is not gzip", async () => {
    const sum = await peekFile(new File([new Uint8Array(await makeTar(bundleEntries()))], "bundle.tgz"));
    assert.deepEqual(sum.warnings.map((w) => w.code), ["not_gzip"]);
  });

  it("samples a bare loggingsnapshot and a gzipped one", async () => {
    const text = await peekFile(new File([LOG_LINE.repeat(10)], `loggingsnapshot_expc1_${STAMP}.txt`));
    assert.equal(text.format, "text");
    assert.equal(text.host, "expc1");
    assert.equal(text.logLines?.matching, 10);
    assert.equal(text.looksLikeExpressway, true);
    const gz = await peekFile(new File([gzip(LOG_LINE.repeat(10))], `loggingsnapshot_expc1_${STAMP}.txt.gz`));
    assert.equal(gz.format, "gzip");
    assert.equal(gz.refusal, null, "the server takes a .txt.gz");
    assert.deepEqual(gz.files.map((f) => [f.name, f.kind]), [[`loggingsnapshot_expc1_${STAMP}.txt`, "log"]]);
    assert.equal(gz.logLines?.matching, 10);
  });

  it("warns, without refusing, when a bundle's logs are not Expressway's", async () => {
    const sum = await peekFile(new File([new Uint8Array(await makeTarGz([{ name: "app.log", content: new LogBuilder().toString() || "x\n" }]))], "stuff.tar.gz"));
    assert.equal(sum.refusal, null);
    assert.deepEqual(sum.warnings.map((w) => w.code), ["not_expressway"]);
  });

  it("shows the server's own message for an upload it refuses", async () => {
    const sum = await peekFile(new File([new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0, 1, 2, 3])], "holiday.tar.gz"));
    assert.equal(sum.refusal?.code, "unsupported_format");
    assert.match(sum.refusal?.message ?? "", /neither gzip, tar nor text/);
  });
});
