import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { resultOf } from "@/lib/signatures/test-support";
import { xconfDump, xstatDump } from "@/tests/fixtures/build-bundle";
import { APPLICATION_FAILED_15019, alarmLine, logOf, tvcsEvent } from "@/tests/fixtures/expressway-lines";

const ID = "application-failed";
const host = "ccnp-expressway-hybrid1";

describe(ID, () => {
  it("reports the real 15019 alarm of a failed management connector, as critical", async () => {
    const r = await resultOf(ID, { host, log: logOf(APPLICATION_FAILED_15019), xstat: xstatDump({ host }) });
    assert.equal(r.outcome, "issue");
    assert.equal(r.severity, "critical");
    assert.equal(r.affected[0].host, host);
    assert.match(r.affected[0].reason, /^15019 Application failed/);
    assert.match(r.description, /will not be restarted automatically/);
    assert.match(r.action, /Incident reporting/);
  });
  it("reports Event=\"Application Failed\" from the Event Log", async () => {
    const line = tvcsEvent({ ts: "2024-03-05T09:13:02.101+01:00", host, event: "Application Failed", pairs: { Detail: "b2bua process terminated unexpectedly" } });
    const r = await resultOf(ID, { host, log: logOf(line), xstat: xstatDump({ host }) });
    assert.equal(r.outcome, "issue");
    assert.equal(r.affected[0].reason, "b2bua process terminated unexpectedly");
  });
  it("is a potential problem when the alarm was lowered again", async () => {
    const raised = alarmLine({ ts: "2024-03-05T09:13:02.101+01:00", host, event: "Raised", id: "15010", detail: "Application failed: An unexpected software error was detected in tvcs" });
    const lowered = alarmLine({ ts: "2024-03-05T09:23:02.101+01:00", host, event: "Lowered", id: "15010", detail: "Application failed" });
    assert.equal((await resultOf(ID, { host, log: logOf(raised, lowered), xstat: xstatDump({ host }) })).outcome, "potential");
  });
  it("is ok without failures", async () => {
    assert.equal((await resultOf(ID, { host, log: logOf(tvcsEvent({ ts: "2024-03-05T09:13:00.000+01:00", host, event: "Call Attempted", pairs: {} })), xstat: xstatDump({ host }) })).outcome, "ok");
  });
  it("is missing without a log and a status dump", async () => {
    assert.equal((await resultOf(ID, { host, xconf: xconfDump() })).outcome, "missing");
  });
});
