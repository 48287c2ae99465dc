import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { resultOf } from "@/lib/signatures/test-support";
import { LogBuilder, xstatDump } from "@/tests/fixtures/build-bundle";

const ID = "inbound-tls-certificate";
const inbound = (log: LogBuilder, ip: string, detail: string) =>
  log.tvcsEvent("Inbound TLS Negotiation Error", { Service: "SIP", "Src-ip": ip, "Src-port": "40000", "Dst-ip": "10.0.0.5", "Dst-port": "5061", Detail: detail, Protocol: "TLS" });

describe(ID, () => {
  it("tells the two causes apart per peer: untrusted self-signed chain and no client certificate", async () => {
    const log = new LogBuilder();
    inbound(log, "192.0.2.20", "self signed certificate in certificate chain");
    inbound(log, "192.0.2.21", "no certificate returned");
    const r = await resultOf(ID, { log, xstat: xstatDump() });
    assert.equal(r.outcome, "issue");
    const reasons = Object.fromEntries(r.affected.map((a) => [a.ip, a.reason]));
    assert.match(reasons["192.0.2.20"], /self-signed CA/);
    assert.match(reasons["192.0.2.21"], /no client certificate/);
    assert.match(r.action, /TLS Web Client Authentication/);
    assert.match(r.action, /Trusted CA certificate/);
  });
  it("does not count the traffic server's outbound verification failures", async () => {
    const log = new LogBuilder().sipOptions(1).verificationFailure({ name: "cucm", ip: "192.0.2.10", error: "self signed certificate in certificate chain", depth: 1 });
    assert.equal((await resultOf(ID, { log, xstat: xstatDump() })).outcome, "ok");
  });
  it("is missing without tvcs lines", async () => {
    assert.equal((await resultOf(ID, { xstat: xstatDump() })).outcome, "missing");
  });
});
