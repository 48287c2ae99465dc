import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { resultOf } from "@/lib/signatures/test-support";
import { LogBuilder, xconfDump, xstatDump } from "@/tests/fixtures/build-bundle";

const ID = "verify-origin-server-off";
const log = () => new LogBuilder().sipOptions(1);

describe(ID, () => {
  it("is a potential problem when Off on X14.2+, and says what it exposes", async () => {
    const r = await resultOf(ID, { log: log(), xstat: xstatDump({ version: "X14.2.1" }), xconf: xconfDump({ verifyOriginServer: "Off" }) });
    assert.equal(r.outcome, "potential");
    assert.match(r.description, /impersonate/);
    assert.match(r.description, /credentials/);
    assert.match(r.action, /VerifyOriginServer: On/);
    assert.equal(r.evidence[0].text, "*c xConfiguration EdgeConfigServer VerifyOriginServer: Off");
  });
  it("is ok when On", async () => {
    const r = await resultOf(ID, { log: log(), xstat: xstatDump({ version: "X14.3.0" }), xconf: xconfDump({ verifyOriginServer: "On" }) });
    assert.equal(r.outcome, "ok");
  });
  it("is not applicable below X14.2", async () => {
    const r = await resultOf(ID, { log: log(), xstat: xstatDump({ version: "X14.0.7" }), xconf: xconfDump({ verifyOriginServer: "Off" }) });
    assert.equal(r.outcome, "not_applicable");
  });
  it("says what is missing without a version or without xconf", async () => {
    assert.equal((await resultOf(ID, { log: log(), xconf: xconfDump({ verifyOriginServer: "Off" }) })).outcome, "missing");
    const r = await resultOf(ID, { log: log(), xstat: xstatDump({ version: "X14.2.1" }) });
    assert.equal(r.outcome, "missing");
    assert.match(r.description, /xconf_dump/);
  });
});
