import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { resultOf } from "@/lib/signatures/test-support";
import { xconfDump, xstatDump } from "@/tests/fixtures/build-bundle";
import { alarmLine, logOf, tvcsEvent } from "@/tests/fixtures/expressway-lines";

const ID = "ldap-server-unreachable";
const host = "expc1";
const ldapFail = tvcsEvent({ ts: "2024-03-05T09:13:02.101+01:00", host, event: "External Server Communications Failure", pairs: { Reason: "no response", Service: "LDAP", Detail: "name:dc1.acme.test:636" } });
const searchLine = tvcsEvent({ ts: "2024-03-05T09:13:00.000+01:00", host, event: "Search Attempted", pairs: { Service: "SIP" } });

describe(ID, () => {
  it("names the LDAP server that did not answer", async () => {
    const r = await resultOf(ID, { host, log: logOf(ldapFail), xstat: xstatDump({ host }) });
    assert.equal(r.outcome, "issue");
    assert.deepEqual([r.affected[0].host, r.affected[0].port], ["dc1.acme.test", 636]);
  });
  it("reports the open LDAP alarm with the guide's action", async () => {
    const alarm = alarmLine({ ts: "2024-03-05T09:13:05.000+01:00", host, event: "Raised", id: "35012", detail: "Failed to connect to LDAP server: Failed to connect to the LDAP server for H.350 device authentication" });
    const r = await resultOf(ID, { host, log: logOf(alarm, ldapFail), xstat: xstatDump({ host }) });
    assert.equal(r.outcome, "issue");
    assert.match(r.affected[0].reason, /^35012 Failed to connect to LDAP server/);
    assert.equal(r.affected[1].host, "dc1.acme.test");
    assert.match(r.action, /H\.350 directory service/);
  });
  it("is ok when the Event Log shows no LDAP failure", async () => {
    assert.equal((await resultOf(ID, { host, log: logOf(searchLine), xstat: xstatDump({ host }) })).outcome, "ok");
  });
  it("is missing without Event Log lines", async () => {
    assert.equal((await resultOf(ID, { host, xconf: xconfDump() })).outcome, "missing");
  });
});
