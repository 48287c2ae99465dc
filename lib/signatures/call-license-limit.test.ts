import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { resultOf } from "@/lib/signatures/test-support";
import { xconfDump, xstatDump } from "@/tests/fixtures/build-bundle";
import { alarmLine, logOf, tvcsEvent } from "@/tests/fixtures/expressway-lines";

const ID = "call-license-limit";
const host = "expe1";
// The Event Log's "License Limit Reached" (administrator guide, Events and Levels: "The Detail event
// parameter specifies the facility/limits concerned"), in the tvcs layout of TN 217230.
const limit = tvcsEvent({ ts: "2024-03-05T09:13:02.101+01:00", host, event: "License Limit Reached", pairs: { Detail: "Rich media sessions: license limit of 25 reached" } });
const alarm = (event: "Raised" | "Lowered", ts: string) => alarmLine({ ts, host, event, id: "30020", detail: "Call license limit reached: You have reached your license limit of 25 concurrent traversal call licenses" });

describe(ID, () => {
  it("reports License Limit Reached and the open limit alarm", async () => {
    const r = await resultOf(ID, { host, log: logOf(limit, alarm("Raised", "2024-03-05T09:13:02.200+01:00")), xstat: xstatDump({ host }) });
    assert.equal(r.outcome, "issue");
    assert.match(r.affected[0].reason, /^30020 Call license limit reached/);
    assert.equal(r.affected[1].reason, "Rich media sessions: license limit of 25 reached");
    assert.equal(r.evidence.length, 2);
  });
  it("is a potential problem when the limit alarm was lowered again", async () => {
    const r = await resultOf(ID, { host, log: logOf(alarm("Raised", "2024-03-05T09:13:02.200+01:00"), alarm("Lowered", "2024-03-05T09:43:02.200+01:00")), xstat: xstatDump({ host }) });
    assert.equal(r.outcome, "potential");
  });
  it("is ok when nothing reached a limit", async () => {
    assert.equal((await resultOf(ID, { host, log: logOf(tvcsEvent({ ts: "2024-03-05T09:13:00.000+01:00", host, event: "Call Attempted", pairs: { Service: "SIP" } })), xstat: xstatDump({ host }) })).outcome, "ok");
  });
  it("is missing without a log and a status dump", async () => {
    assert.equal((await resultOf(ID, { host, xconf: xconfDump() })).outcome, "missing");
  });
});
