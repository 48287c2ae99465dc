import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { resultOf } from "@/lib/signatures/test-support";
import { LogBuilder, xconfDump, xstatDump } from "@/tests/fixtures/build-bundle";

const ID = "x14-2-ecdsa-preferred";
const failing = () =>
  new LogBuilder().mraRequest({ txnId: 1, host: "cucm-pub.acme.test", ip: "192.0.2.10", port: 8443, path: "/cucm-uds/user/u/devices", failure: { type: "verify", error: "self-signed certificate", depth: 0 } });

describe(ID, () => {
  it("reports ECDSA preference plus verification failures, with the two ways out", async () => {
    const r = await resultOf(ID, { log: failing(), xstat: xstatDump({ version: "X14.2.1" }), xconf: xconfDump() });
    assert.equal(r.outcome, "issue");
    assert.equal(r.affected[0].host, "cucm-pub.acme.test");
    assert.match(r.action, /1\. Trust the ECDSA certificates/);
    assert.match(r.action, /2\. Prefer RSA again/);
    assert.match(r.action, /ECDHE-RSA-AES256-GCM-SHA384:EECDH/);
    assert.ok(r.evidence.some((e) => e.text.includes("Ciphers HTTPSClientTls")));
  });
  it("is ok when the cipher string already prefers RSA", async () => {
    const r = await resultOf(ID, { log: failing(), xstat: xstatDump({ version: "X14.2.1" }), xconf: xconfDump({ httpsClientCiphers: "ECDHE-RSA-AES256-GCM-SHA384:EECDH:HIGH" }) });
    assert.equal(r.outcome, "ok");
  });
  it("is ok when ECDSA is preferred but nothing fails", async () => {
    const r = await resultOf(ID, { log: new LogBuilder().sipOptions(1), xstat: xstatDump({ version: "X14.2.1" }), xconf: xconfDump() });
    assert.equal(r.outcome, "ok");
  });
  it("is not applicable below X14.2", async () => {
    assert.equal((await resultOf(ID, { log: failing(), xstat: xstatDump({ version: "X12.7" }), xconf: xconfDump() })).outcome, "not_applicable");
  });
  it("says what is missing without xconf", async () => {
    const r = await resultOf(ID, { log: failing(), xstat: xstatDump({ version: "X14.2.1" }) });
    assert.equal(r.outcome, "missing");
    assert.match(r.condition, /Ciphers HTTPSClientTls/);
  });
});
