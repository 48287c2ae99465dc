import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { resultOf } from "@/lib/signatures/test-support";
import { xconfDump, xstatDump } from "@/tests/fixtures/build-bundle";
import { alarmLine, logOf } from "@/tests/fixtures/expressway-lines";
import { realXstat, xstatWarnings } from "@/tests/fixtures/real-layouts/lines";

const ID = "alarm-raised-not-lowered";
const host = "expe1";
// Alarm 35015 (Unified CM port conflict) has no signature of its own; its text is the guide's.
const raised = alarmLine({ ts: "2024-03-05T09:13:02.101+01:00", host, event: "Raised", id: "35015", detail: "Unified CM port conflict: There is a port conflict on Unified CM cucm1 between neighbor zone CUCM and Unified Communications (both are using port 5061)" });
const lowered = alarmLine({ ts: "2024-03-05T09:20:00.000+01:00", host, event: "Lowered", id: "35015", detail: "Unified CM port conflict" });

describe(ID, () => {
  it("reports an alarm raised and not lowered with the guide's meaning and action", async () => {
    const r = await resultOf(ID, { host, log: logOf(raised), xstat: xstatDump({ host }) });
    assert.equal(r.outcome, "issue");
    assert.equal(r.affected[0].host, host);
    assert.match(r.affected[0].reason, /^35015 Unified CM port conflict/);
    assert.match(r.action, /line side .* SIP trunk/);
    assert.equal(r.evidence[0].text, raised);
  });
  it("reports an alarm the xstat dump lists as active", async () => {
    // the modelled `*s Alarm N` list; the real one (Warnings > Warning with ID / Reason / State) is below
    const xstat = `${xstatDump({ host })}*s Alarm 1: /\n    Id: 45019\n    Title: "Insufficient media ports"\n    Severity: "Warning"\n    State: "Unacknowledged"\n`;
    const r = await resultOf(ID, { host, log: logOf(), xstat });
    assert.equal(r.outcome, "issue");
    assert.match(r.affected[0].reason, /45019 Insufficient media ports \(active in the status dump\)/);
    assert.match(r.action, /media port range/);
  });
  it("leaves out alarms a specific signature explains", async () => {
    const cluster = alarmLine({ ts: "2024-03-05T09:13:02.101+01:00", host, event: "Raised", id: "20004", detail: "Cluster communication failure: The system is unable to communicate with one or more of the cluster peers" });
    const r = await resultOf(ID, { host, log: logOf(cluster), xstat: xstatDump({ host }) });
    assert.equal(r.outcome, "ok");
    assert.match(r.description, /explained on its own card/);
  });
  it("is ok when the alarm was lowered again", async () => {
    const r = await resultOf(ID, { host, log: logOf(raised, lowered), xstat: xstatDump({ host }) });
    assert.equal(r.outcome, "ok");
    assert.match(r.description, /1 raised and 1 lowered/);
  });
  it("is missing without a log and without a status dump", async () => {
    assert.equal((await resultOf(ID, { host, xconf: xconfDump() })).outcome, "missing");
  });
});

describe(`${ID} on the real status layout`, () => {
  it("reports an alarm of the dump's Warnings list", async () => {
    // the administrator guide's title and meaning of 45019 as the Reason text
    const xstat = `${realXstat({ host })}${xstatWarnings([{ id: "45019", reason: "Insufficient media ports: Too few media ports for the number of licensed calls" }])}`;
    const r = await resultOf(ID, { host, log: logOf(), xstat });
    assert.equal(r.outcome, "issue");
    assert.match(r.affected[0].reason, /^45019 Insufficient media ports \(active in the status dump\)/);
    assert.equal(r.evidence[0].text, "ID: 45019");
  });
});
