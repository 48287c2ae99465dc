import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { resultOf } from "@/lib/signatures/test-support";
import { LogBuilder, xstatDump } from "@/tests/fixtures/build-bundle";

const ID = "uds-401-unauthorized";
const PUB = { host: "cucm-pub.acme.test", ip: "192.0.2.10", port: 8443 };

describe(ID, () => {
  it("names the node, port and users UDS refused with 401", async () => {
    const log = new LogBuilder()
      .mraRequest({ txnId: 1, ...PUB, path: "/cucm-uds/user/bwayne/devices", user: "bwayne", response: "HTTP/1.1 401 Unauthorized" })
      .mraRequest({ txnId: 2, ...PUB, path: "/cucm-uds/user/jdoe/devices", user: "jdoe", response: "HTTP/1.1 401 Unauthorized" })
      .mraRequest({ txnId: 3, ...PUB, path: "/cucm-uds/user/ok/devices" });
    const r = await resultOf(ID, { log, xstat: xstatDump() });
    assert.equal(r.outcome, "issue");
    assert.match(r.description, /bwayne, jdoe/);
    assert.equal(r.affected.length, 2);
    assert.ok(r.affected.every((a) => a.host === "cucm-pub.acme.test" && a.port === 8443 && a.service === "UDS / Tomcat (8443)"));
    assert.match(r.action, /ILS/);
  });
  it("is ok when UDS requests passed", async () => {
    const log = new LogBuilder().mraRequest({ txnId: 1, ...PUB, path: "/cucm-uds/user/bwayne/devices" });
    assert.equal((await resultOf(ID, { log, xstat: xstatDump() })).outcome, "ok");
  });
  it("asks for traffic server debug logs when no MRA request was logged", async () => {
    const r = await resultOf(ID, { log: new LogBuilder().sipOptions(1), xstat: xstatDump() });
    assert.equal(r.outcome, "missing");
    assert.match(r.action, /developer\.trafficserver/);
  });
});
