// For the tests of alarm-based signatures: the four outcomes every one of them can give, on log
// lines and xstat dumps in the real layout (tests/fixtures/expressway-lines.ts).
import assert from "node:assert/strict";
import { it } from "node:test";
import { resultOf } from "@/lib/signatures/test-support";
import { xconfDump, xstatDump } from "@/tests/fixtures/build-bundle";
import { alarmLine, logOf } from "@/tests/fixtures/expressway-lines";

export type AlarmCase = {
  /** an alarm id of the signature's group and the Detail text the Expressway logs with it */
  alarm: { id: string; detail: string; severity?: string };
  /** what the card's reason must start with, e.g. /^20009 Cluster replication error/ */
  reason: RegExp;
  /** the guide's action must be in the card */
  action: RegExp;
  severity?: string;
};

export function itGivesEveryAlarmOutcome(signatureId: string, c: AlarmCase): void {
  const host = "expc1";
  const raised = alarmLine({ ts: "2024-03-05T09:13:02.101+01:00", host, event: "Raised", ...c.alarm });
  const lowered = alarmLine({ ts: "2024-03-05T09:31:12.010+01:00", host, event: "Lowered", ...c.alarm });
  it(`is an issue while alarm ${c.alarm.id} is open, naming the peer and the guide's action`, async () => {
    const r = await resultOf(signatureId, { host, log: logOf(raised), xstat: xstatDump({ host }) });
    assert.equal(r.outcome, "issue");
    assert.equal(r.affected[0].host, host);
    assert.match(r.affected[0].reason, c.reason);
    assert.equal(r.affected[0].firstSeen, "2024-03-05T09:13:02.101+01:00");
    assert.match(r.action, c.action);
    assert.deepEqual(r.evidence.map((e) => e.text), [raised]);
    if (c.severity) assert.equal(r.severity, c.severity);
  });
  it(`is an issue when the xstat dump lists alarm ${c.alarm.id} as active`, async () => {
    const xstat = `${xstatDump({ host })}*s Alarm 1: /\n    Id: ${c.alarm.id}\n    Title: "${c.alarm.detail.split(":")[0]}"\n    State: "Unacknowledged"\n`;
    const r = await resultOf(signatureId, { host, log: logOf(), xstat });
    assert.equal(r.outcome, "issue");
    assert.match(r.affected[0].reason, /active in the status dump/);
  });
  it(`is a potential problem when alarm ${c.alarm.id} was raised and lowered within the window`, async () => {
    const r = await resultOf(signatureId, { host, log: logOf(raised, lowered), xstat: xstatDump({ host }) });
    assert.equal(r.outcome, "potential");
    assert.match(r.affected[0].reason, /raised, then lowered/);
    assert.equal(r.affected[0].lastSeen, "2024-03-05T09:31:12.010+01:00");
  });
  it("is ok when the log and the dump show no such alarm", async () => {
    const other = alarmLine({ ts: "2024-03-05T09:13:02.101+01:00", host, event: "Raised", id: "35015", detail: "Unified CM port conflict" });
    const r = await resultOf(signatureId, { host, log: logOf(other), xstat: xstatDump({ host }) });
    assert.equal(r.outcome, "ok");
  });
  it("is missing without a log and without a status dump", async () => {
    assert.equal((await resultOf(signatureId, { host, xconf: xconfDump() })).outcome, "missing");
  });
}
