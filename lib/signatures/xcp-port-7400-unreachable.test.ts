import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { resultOf } from "@/lib/signatures/test-support";
import { LogBuilder, xstatDump } from "@/tests/fixtures/build-bundle";

const ID = "xcp-port-7400-unreachable";

describe(ID, () => {
  it("names the IM&P node XCP could not reach on 7400", async () => {
    const log = new LogBuilder()
      .line("XCP_CM2", "ERROR: Unable to connect to host 'imp1.acme.test', port 7400:(111) Connection refused", 4411)
      .line("XCP_CM2", "ERROR: Unable to connect to host 'imp1.acme.test', port 7400:(111) Connection refused", 4411)
      .line("XCP_CM2", "ERROR: Unable to connect to host 'imp1.acme.test', port 5222:(111) Connection refused", 4411);
    const r = await resultOf(ID, { log, xstat: xstatDump() });
    assert.equal(r.outcome, "issue");
    assert.deepEqual([r.affected[0].host, r.affected[0].port, r.affected[0].reason, r.affected[0].count], ["imp1.acme.test", 7400, "connection refused", 2]);
    assert.match(r.action, /Cisco XCP Router/);
  });
  it("is ok when the XCP router logs no failure", async () => {
    const log = new LogBuilder().line("XCP_CM2", "INFO: connected to imp1.acme.test:7400", 4411);
    assert.equal((await resultOf(ID, { log, xstat: xstatDump() })).outcome, "ok");
  });
  it("is missing without XCP router lines", async () => {
    assert.equal((await resultOf(ID, { log: new LogBuilder().sipOptions(1), xstat: xstatDump() })).outcome, "missing");
  });
});
