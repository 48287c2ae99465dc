import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { resultOf } from "@/lib/signatures/test-support";
import { LogBuilder, xstatDump } from "@/tests/fixtures/build-bundle";

const ID = "uds-403-forbidden";
const PUB = { host: "cucm-pub.acme.test", ip: "192.0.2.10", port: 8443 };

describe(ID, () => {
  it("reports 403 with the domain, and the three causes to check", async () => {
    const log = new LogBuilder().mraRequest({ txnId: 1, ...PUB, domain: "other.test", path: "/cucm-uds/user/bwayne/devices", user: "bwayne", response: "HTTP/1.1 403 Forbidden" });
    const r = await resultOf(ID, { log, xstat: xstatDump() });
    assert.equal(r.outcome, "issue");
    assert.match(r.affected[0].reason, /domain other\.test/);
    assert.match(r.action, /Configuration > Domains/);
    assert.match(r.action, /HTTP allow list/);
    assert.match(r.action, /NTP/);
  });
  it("is ok when nothing was refused", async () => {
    const log = new LogBuilder().mraRequest({ txnId: 1, ...PUB, path: "/cucm-uds/user/bwayne/devices" });
    assert.equal((await resultOf(ID, { log, xstat: xstatDump() })).outcome, "ok");
  });
  it("is missing without MRA requests", async () => {
    assert.equal((await resultOf(ID, { xstat: xstatDump() })).outcome, "missing");
  });
});
