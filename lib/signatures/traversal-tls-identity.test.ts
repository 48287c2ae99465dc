import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { resultOf } from "@/lib/signatures/test-support";
import { LogBuilder, xstatDump } from "@/tests/fixtures/build-bundle";

const ID = "traversal-tls-identity";

describe(ID, () => {
  it("reports the traversal peer whose certificate identity was unacceptable", async () => {
    const log = new LogBuilder().tvcsEvent("Inbound TLS Negotiation Error", {
      Service: "SIP", "Src-ip": "146.20.193.45", "Src-port": "46049", "Dst-ip": "172.16.2.2", "Dst-port": "7001", Detail: "Peer's TLS certificate identity was unacceptable", Protocol: "TLS",
    });
    const r = await resultOf(ID, { log, xstat: xstatDump() });
    assert.equal(r.outcome, "issue");
    assert.equal(r.affected[0].ip, "146.20.193.45");
    assert.equal(r.affected[0].port, 7001);
    assert.match(r.action, /TLS verify subject name/);
    assert.match(r.evidence[0].text, /identity was unacceptable/);
  });
  it("is ok with tvcs lines and no such error", async () => {
    assert.equal((await resultOf(ID, { log: new LogBuilder().sipOptions(1), xstat: xstatDump() })).outcome, "ok");
  });
  it("is missing without tvcs lines", async () => {
    assert.equal((await resultOf(ID, { log: new LogBuilder().line("web", "hello"), xstat: xstatDump() })).outcome, "missing");
  });
});
