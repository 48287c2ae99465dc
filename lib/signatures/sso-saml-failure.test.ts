import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { resultOf } from "@/lib/signatures/test-support";
import { LogBuilder, xstatDump } from "@/tests/fixtures/build-bundle";

const ID = "sso-saml-failure";

describe(ID, () => {
  it("tells an invalid SAML response from a missing uid attribute", async () => {
    const log = new LogBuilder()
      .line("web", 'UTCTime="2024-03-05 09:12:41,000" Module="developer.sso" Level="ERROR": Detail="Invalid SAML Response" Src-ip="192.0.2.44"')
      .line("web", 'UTCTime="2024-03-05 09:12:42,000" Module="developer.sso" Level="ERROR": Detail="No uid Attribute in Assertion" User="bwayne@acme.test"');
    const r = await resultOf(ID, { log, xstat: xstatDump() });
    assert.equal(r.outcome, "issue");
    assert.equal(r.affected.length, 2);
    assert.ok(r.affected.some((a) => /uid/.test(a.reason) && /bwayne/.test(a.reason)));
    assert.match(r.action, /attribute named exactly `uid`/);
    assert.match(r.action, /IdP metadata/);
  });
  it("is ok when SAML lines show no failure", async () => {
    const log = new LogBuilder().line("web", 'Module="developer.sso" Level="INFO": Detail="SAML assertion accepted"');
    assert.equal((await resultOf(ID, { log, xstat: xstatDump() })).outcome, "ok");
  });
  it("is missing when nothing about SAML was logged", async () => {
    assert.equal((await resultOf(ID, { log: new LogBuilder().sipOptions(1), xstat: xstatDump() })).outcome, "missing");
  });
});
