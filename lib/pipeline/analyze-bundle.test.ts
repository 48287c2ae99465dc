import assert from "node:assert/strict";
import { createReadStream } from "node:fs";
import { describe, it } from "node:test";
import { BundleError, DEFAULT_LIMITS, analyzeBundle } from "@/lib/pipeline/analyze-bundle";
import { analysisOutputSchema } from "@/lib/results/types";
import { SIGNATURES } from "@/lib/signatures/registry";
import { LogBuilder, chunked, expresswayEntries, makeTarGz, xstatDump } from "@/tests/fixtures/build-bundle";

const SAMPLES = "/work/shared/expressway/samples";

async function sample(name: string) {
  return analyzeBundle(createReadStream(`${SAMPLES}/${name}`), name);
}

describe("analyzeBundle", () => {
  it("finds the self-signed TFTP certificate in the 09_12_40 sample", async () => {
    const out = await sample("diagnostic_log_expc1_2024-03-05_09_12_40.tar.gz");
    analysisOutputSchema.parse(out);
    assert.equal(out.bundle.host, "expc1");
    assert.equal(out.bundle.version, "X14.2.0");
    assert.equal(out.bundle.product, "Cisco Expressway");
    assert.equal(out.bundle.files.length, 3);
    assert.ok(out.bundle.timeRange);
    assert.equal(out.results.length, SIGNATURES.length);
    const r = out.results[0];
    assert.equal(r.outcome, "issue");
    assert.deepEqual(
      r.affected.map((a) => [a.host, a.ip, a.port, a.service, a.reason]),
      [["cucm-pub.acme.test", "192.0.2.10", 6972, "TFTP (6972)", "self signed certificate (depth 0): the CA is not trusted"]],
    );
    assert.ok(r.evidence.some((e) => e.text.includes("depth=0")));
    assert.ok(r.evidence.some((e) => e.text.includes("502 connect failed")));
  });

  it("finds the SNI failure on 8443 in the 10_02_11 sample", async () => {
    const out = await sample("diagnostic_log_expc1_2024-03-05_10_02_11.tar.gz");
    const r = out.results[0];
    assert.equal(r.outcome, "issue");
    assert.deepEqual(
      r.affected.map((a) => [a.ip, a.port, a.reason, a.count]),
      [["192.0.2.10", 8443, "SNI 192.0.2.10 not in certificate", 2]],
    );
  });

  it("analyses a bare loggingsnapshot .txt", async () => {
    const log = new LogBuilder().mraRequest({ txnId: 1, host: "cucm.acme.test", ip: "192.0.2.10", port: 8443, path: "/cucm-uds/user/a/devices" });
    const out = await analyzeBundle(chunked(Buffer.from(log.toString())), "loggingsnapshot_expc1_2024-03-05_09_12_40.txt");
    assert.deepEqual(out.bundle.files.map((f) => f.kind), ["log"]);
    assert.equal(out.bundle.host, "expc1");
    assert.equal(out.results[0].outcome, "missing", "no version in a bare log");
  });

  it("analyses a bundle with one folder per cluster peer", async () => {
    const bad = new LogBuilder({ host: "expc2" }).mraRequest({
      txnId: 9, host: "cucm.acme.test", ip: "192.0.2.10", port: 8443, path: "/cucm-uds/user/a/devices",
      failure: { type: "verify", error: "self signed certificate", depth: 0 },
    });
    const buf = await makeTarGz([
      ...expresswayEntries({ folder: "expc1", host: "expc1", log: new LogBuilder({ host: "expc1" }).sipOptions(1), xstat: xstatDump({ host: "expc1" }) }),
      ...expresswayEntries({ folder: "expc2", host: "expc2", log: bad, xstat: xstatDump({ host: "expc2" }) }),
    ]);
    const out = await analyzeBundle(chunked(buf), "cluster.tar.gz");
    assert.equal(out.bundle.host, "expc1, expc2");
    const r = out.results[0];
    assert.equal(r.outcome, "issue");
    assert.equal(r.evidence[0].file, "expc2/loggingsnapshot_expc2_2024-03-05_09_12_40.txt");
  });

  it("refuses an archive without any Expressway file, naming what it should contain", async () => {
    const buf = await makeTarGz([{ name: "holiday.jpg", content: Buffer.from([1, 2, 3]) }]);
    await assert.rejects(analyzeBundle(chunked(buf), "x.tar.gz"), (err: unknown) => {
      assert.ok(err instanceof BundleError);
      assert.equal(err.code, "no_expressway_files");
      assert.match(err.message, /loggingsnapshot/);
      return true;
    });
  });

  it("passes reader errors through as BundleError", async () => {
    await assert.rejects(analyzeBundle(chunked(Buffer.alloc(0)), "empty.tar.gz"), { code: "empty_file" });
    assert.equal(DEFAULT_LIMITS.maxLineBytes, 1024 * 1024);
  });
});
