import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { analyzeBundle } from "@/lib/pipeline/analyze-bundle";
import { analyze, resultOf } from "@/lib/signatures/test-support";
import { TLS_BUNDLE_NAME, tlsBundle } from "@/tests/fixtures/tls-bundle";
import { chunked } from "@/tests/fixtures/build-bundle";
import { LogBuilder, xconfDump, xstatDump } from "@/tests/fixtures/build-bundle";

const ID = "x14-2-ecdsa-preferred";
const failing = () =>
  new LogBuilder().mraRequest({ txnId: 1, host: "cucm-pub.acme.test", ip: "192.0.2.10", port: 8443, path: "/cucm-uds/user/u/devices", failure: { type: "verify", error: "self-signed certificate", depth: 0 } });

describe(ID, () => {
  it("is only a possibility inside the X14.2 card when nothing shows an ECDSA certificate was presented", async () => {
    const out = await analyze({ log: failing(), xstat: xstatDump({ version: "X14.2.1" }), xconf: xconfDump() });
    const r = out.results.find((x) => x.signatureId === ID)!;
    assert.equal(r.outcome, "potential");
    assert.equal(r.partOf, "x14-2-traffic-server-verification");
    assert.equal(r.affected[0].host, "cucm-pub.acme.test");
    assert.match(r.action, /1\. Trust the ECDSA certificates/);
    assert.match(r.action, /2\. Prefer RSA again/);
    assert.match(r.action, /ECDHE-RSA-AES256-GCM-SHA384:EECDH/);
    assert.ok(r.evidence.some((e) => e.text.includes("Ciphers HTTPSClientTls")));
    const card = out.results.find((x) => x.signatureId === "x14-2-traffic-server-verification")!;
    assert.equal(card.outcome, "issue");
    assert.deepEqual(card.related?.map((x) => [x.signatureId, x.relation]), [[ID, "contributing_factor"]]);
  });

  it("is an issue when the packet capture shows the node presenting an ECDSA certificate", async () => {
    const out = await analyzeBundle(chunked(await tlsBundle()), TLS_BUNDLE_NAME);
    const r = out.results.find((x) => x.signatureId === ID)!;
    assert.equal(r.outcome, "issue");
    assert.equal(r.partOf, undefined);
    assert.equal(r.affected[0].port, 6972);
    assert.match(r.affected[0].reason, /EC/);
    assert.ok(r.affected[0].certificate);
  });

  for (const [what, error, depth] of [
    ["an expired certificate", "certificate has expired", 0],
    ["an unknown CA in a chain", "unable to get local issuer certificate", 1],
  ] as const) {
    it(`says nothing about ECDSA for a node whose failure is ${what}`, async () => {
      const log = new LogBuilder().mraRequest({ txnId: 1, host: "cucm-pub.acme.test", ip: "192.0.2.10", port: 8443, path: "/cucm-uds/user/u/devices", failure: { type: "verify", error, depth } });
      const r = await resultOf(ID, { log, xstat: xstatDump({ version: "X14.2.1" }), xconf: xconfDump() });
      assert.equal(r.outcome, "ok");
      assert.deepEqual(r.affected, []);
    });
  }
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
