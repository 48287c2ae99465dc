import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { resultOf } from "@/lib/signatures/test-support";
import { LogBuilder, xstatDump } from "@/tests/fixtures/build-bundle";

const ID = "cucm-untrusted-expressway-c";
const alert = (log: LogBuilder, ip: string) =>
  log.tvcsEvent("Outbound TLS Negotiation Error", { Service: "SIP", "Src-ip": "10.0.0.5", "Src-port": "25012", "Dst-ip": ip, "Dst-port": "5061", Detail: "tlsv1 alert unknown ca", Protocol: "TLS", "Common-name": "cucm-pub.acme.test" });

describe(ID, () => {
  it("names each CUCM node that refused the Expressway-C certificate, once, with counts", async () => {
    const log = new LogBuilder().sipOptions(1);
    alert(log, "192.0.2.10");
    alert(log, "192.0.2.10");
    const r = await resultOf(ID, { log, xstat: xstatDump() });
    assert.equal(r.outcome, "issue");
    assert.equal(r.affected.length, 1);
    assert.deepEqual([r.affected[0].ip, r.affected[0].port, r.affected[0].count], ["192.0.2.10", 5061, 2]);
    assert.match(r.action, /CallManager-trust/);
    assert.equal(r.evidence.length, 1);
    assert.equal(r.evidence[0].count, 2);
  });
  it("is ok when tvcs lines show no unknown-CA alert", async () => {
    assert.equal((await resultOf(ID, { log: new LogBuilder().sipOptions(2), xstat: xstatDump() })).outcome, "ok");
  });
  it("says the logs are missing for a bundle without a log", async () => {
    const r = await resultOf(ID, { xstat: xstatDump() });
    assert.equal(r.outcome, "missing");
    assert.match(r.action, /network\.sip/);
  });
});
