import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { resultOf } from "@/lib/signatures/test-support";
import { LogBuilder, xstatDump } from "@/tests/fixtures/build-bundle";

const ID = "traversal-authentication";

describe(ID, () => {
  it("reports refused traversal credentials with the source and user", async () => {
    const log = new LogBuilder().tvcsEvent("Authentication Failed", {
      Service: "SIP", "Src-ip": "10.0.0.5", "Src-port": "25000", "Auth-username": "traversaluser", Detail: "Incorrect authentication credential for user", Protocol: "TLS",
    });
    const r = await resultOf(ID, { log, xstat: xstatDump() });
    assert.equal(r.outcome, "issue");
    assert.equal(r.affected[0].ip, "10.0.0.5");
    assert.match(r.affected[0].reason, /traversaluser/);
    assert.match(r.action, /Local database/);
  });
  it("is ok with tvcs lines and no refusal", async () => {
    assert.equal((await resultOf(ID, { log: new LogBuilder().sipOptions(1), xstat: xstatDump() })).outcome, "ok");
  });
  it("is missing without a log", async () => {
    assert.equal((await resultOf(ID, { xstat: xstatDump() })).outcome, "missing");
  });
});
