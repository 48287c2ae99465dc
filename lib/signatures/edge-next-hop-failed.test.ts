import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { resultOf } from "@/lib/signatures/test-support";
import { LogBuilder, xconfDump, xstatDump } from "@/tests/fixtures/build-bundle";

const ID = "edge-next-hop-failed";
const E_CONF = xconfDump({ unifiedCm: [], extra: { "Zones Zone 2 Type": "TraversalServer" } });
const request = (log: LogBuilder, txnId: number, response?: string) =>
  log.mraRequest({ txnId, host: "cucm-pub.acme.test", ip: "127.0.0.1", port: 8443, path: "/cucm-uds/user/u/devices", response });

describe(ID, () => {
  it("reports 502 Next Hop Connection Failed on Expressway-E, per peer", async () => {
    const log = new LogBuilder({ host: "expe1" });
    request(log, 1, "HTTP/1.1 502 Next Hop Connection Failed");
    request(log, 2, "HTTP/1.1 502 Next Hop Connection Failed");
    const r = await resultOf(ID, { host: "expe1", log, xstat: xstatDump({ host: "expe1" }), xconf: E_CONF });
    assert.equal(r.outcome, "issue");
    assert.equal(r.severity, "critical");
    assert.equal(r.affected[0].host, "expe1");
    assert.ok(r.affected[0].count >= 2);
    assert.match(r.action, /SSH tunnels/);
    assert.match(r.action, /2222/);
  });
  it("is ok on Expressway-E when requests pass", async () => {
    const log = request(new LogBuilder({ host: "expe1" }), 1);
    assert.equal((await resultOf(ID, { host: "expe1", log, xstat: xstatDump(), xconf: E_CONF })).outcome, "ok");
  });
  it("is not applicable on Expressway-C", async () => {
    const log = request(new LogBuilder(), 1);
    assert.equal((await resultOf(ID, { log, xstat: xstatDump(), xconf: xconfDump() })).outcome, "not_applicable");
  });
  it("is missing without traffic server lines", async () => {
    assert.equal((await resultOf(ID, { log: new LogBuilder().sipOptions(1), xstat: xstatDump(), xconf: E_CONF })).outcome, "missing");
  });
});
