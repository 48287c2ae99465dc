import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { resultOf } from "@/lib/signatures/test-support";
import { xconfDump, xstatDump } from "@/tests/fixtures/build-bundle";
import { alarmLine, logOf, tvcsEvent } from "@/tests/fixtures/expressway-lines";
import { XSTAT_NTP_ACTIVE, XSTAT_NTP_INACTIVE, realXstat } from "@/tests/fixtures/real-layouts/lines";

const ID = "ntp-not-synchronised";
const host = "expe1";
const raised = alarmLine({ ts: "2024-03-05T09:13:02.101+01:00", host, event: "Raised", id: "25021", detail: "NTP server not available: The system is unable to contact an NTP server" });
const lowered = alarmLine({ ts: "2024-03-05T09:23:02.101+01:00", host, event: "Lowered", id: "25021", detail: "NTP server not available" });
const ntpFail = tvcsEvent({ ts: "2024-03-05T09:13:00.000+01:00", host, event: "External Server Communications Failure", pairs: { Reason: "no response", Service: "NTP", Detail: "name:pool.ntp.example:123" } });
const search = tvcsEvent({ ts: "2024-03-05T09:13:00.000+01:00", host, event: "Search Attempted", pairs: { Service: "SIP" } });
const ntpStatus = (s: string) => `${xstatDump({ host })}*s NTP: /\n    Status: "${s}"\n`;

describe(ID, () => {
  it("reports the open NTP alarm and the server that did not answer", async () => {
    const r = await resultOf(ID, { host, log: logOf(ntpFail, raised), xstat: xstatDump({ host }) });
    assert.equal(r.outcome, "issue");
    assert.match(r.affected[0].reason, /^25021 NTP server not available/);
    assert.equal(r.affected[1].host, "pool.ntp.example");
    assert.match(r.action, /UDP 123/);
  });
  it("reports an unsynchronised NTP status in the dump", async () => {
    const r = await resultOf(ID, { host, log: logOf(search), xstat: ntpStatus("Unsynchronised") });
    assert.equal(r.outcome, "issue");
    assert.match(r.description, /"Unsynchronised"/);
  });
  it("is a potential problem when synchronisation came back within the window", async () => {
    assert.equal((await resultOf(ID, { host, log: logOf(raised, lowered), xstat: xstatDump({ host }) })).outcome, "potential");
  });
  it("is ok when the dump says synchronised", async () => {
    const r = await resultOf(ID, { host, log: logOf(search), xstat: ntpStatus("Synchronised") });
    assert.equal(r.outcome, "ok");
    assert.match(r.description, /"Synchronised"/);
  });
  it("is ok, saying what it could not read, when neither alarms nor an NTP status show", async () => {
    const r = await resultOf(ID, { host, log: logOf(search), xstat: xstatDump({ host }) });
    assert.equal(r.outcome, "ok");
    assert.match(r.furtherInformation, /no NTP status/);
  });
  it("is missing without a log and a status dump", async () => {
    assert.equal((await resultOf(ID, { host, xconf: xconfDump() })).outcome, "missing");
  });
});

// The NTP element as TANDBERG's API guide D14172.01 prints it: the state is an attribute,
// Active with the server's details (Example 2.5), Inactive and empty otherwise (Example 1.2).
describe(`${ID} on the real status layout`, () => {
  it("reads `*s NTP (status=Active):` as synchronised", async () => {
    const r = await resultOf(ID, { host, log: logOf(search), xstat: `${realXstat({ host })}${XSTAT_NTP_ACTIVE}` });
    assert.equal(r.outcome, "ok");
    assert.match(r.description, /reports NTP as "Active"/);
  });
  it("reports `*s NTP (status=Inactive):` as not synchronised", async () => {
    const r = await resultOf(ID, { host, log: logOf(search), xstat: `${realXstat({ host })}${XSTAT_NTP_INACTIVE}` });
    assert.equal(r.outcome, "issue");
    assert.match(r.description, /reports NTP as "Inactive"/);
    assert.equal(r.evidence[0].text, "*s NTP (status=Inactive):");
  });
});
