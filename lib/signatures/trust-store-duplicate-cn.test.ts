import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { before, after, describe, it } from "node:test";
import { resultOf } from "@/lib/signatures/test-support";
import { LogBuilder, expresswayEntries, xstatDump } from "@/tests/fixtures/build-bundle";

const ID = "trust-store-duplicate-cn";
let dir: string;

/** A self-signed certificate made with openssl (present on these machines). */
function selfSigned(cn: string, name: string): string {
  const key = path.join(dir, `${name}.key`);
  const crt = path.join(dir, `${name}.crt`);
  execFileSync("openssl", ["req", "-x509", "-newkey", "rsa:2048", "-nodes", "-keyout", key, "-out", crt, "-days", "30", "-subj", `/O=${name}/CN=${cn}`], { stdio: "ignore" });
  return readFileSync(crt, "utf8");
}

describe(ID, () => {
  let a: string, b: string, c: string;
  before(() => {
    dir = mkdtempSync(path.join(os.tmpdir(), "ca-"));
    a = selfSigned("cucm.acme.test", "pub");
    b = selfSigned("cucm.acme.test", "sub");
    c = selfSigned("rootca.acme.test", "ca");
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  const bundle = (pem: string | null) => [
    ...expresswayEntries({ log: new LogBuilder().sipOptions(1), xstat: xstatDump({ version: "X14.2.1" }) }),
    ...(pem === null ? [] : [{ name: "ca_expc1_2024-03-05_09_12_40.pem", content: pem }]),
  ];

  it("reports two CA certificates sharing a CN (CSCwa12905)", async () => {
    const r = await resultOf(ID, bundle(a + c + b));
    assert.equal(r.outcome, "issue");
    assert.deepEqual(r.defects, ["CSCwa12905"]);
    assert.equal(r.affected.length, 1);
    assert.equal(r.affected[0].host, "cucm.acme.test");
    assert.equal(r.affected[0].count, 2);
    assert.equal(r.evidence.length, 2);
    assert.ok(r.evidence.every((e) => e.file.startsWith("ca_") && e.line > 0));
  });
  it("is ok when every CN is distinct", async () => {
    assert.equal((await resultOf(ID, bundle(a + c))).outcome, "ok");
  });
  it("says the CA list is missing when the bundle has none", async () => {
    const r = await resultOf(ID, bundle(null));
    assert.equal(r.outcome, "missing");
    assert.match(r.description, /ca_<host>_<stamp>\.pem/);
  });
});
