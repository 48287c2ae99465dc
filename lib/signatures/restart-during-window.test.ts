import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { resultOf } from "@/lib/signatures/test-support";
import { xconfDump, xstatDump } from "@/tests/fixtures/build-bundle";
import { logOf, tvcsEvent } from "@/tests/fixtures/expressway-lines";
import { realXstat, xstatZonesXml } from "@/tests/fixtures/real-layouts/lines";

const ID = "restart-during-window";
const host = "expc1";
// Event names from the administrator guide (Events and Levels), in the tvcs layout of TN 217230.
const start = tvcsEvent({ ts: "2024-03-05T09:20:00.000+01:00", host, event: "Application Start", pairs: { Detail: "Release X14.3.0" } });
const request = tvcsEvent({ ts: "2024-03-05T09:15:00.000+01:00", host, event: "Restart Requested", pairs: { Reason: "Web", User: "admin" } });
const call = tvcsEvent({ ts: "2024-03-05T09:13:00.000+01:00", host, event: "Call Attempted", pairs: {} });

describe(ID, () => {
  it("flags a start without a restart request as a likely crash", async () => {
    const r = await resultOf(ID, { host, log: logOf(call, start), xstat: xstatDump({ host }) });
    assert.equal(r.outcome, "potential");
    assert.equal(r.severity, "medium");
    assert.equal(r.affected[0].reason, "started without a restart request in the log");
    assert.match(r.description, /uptime of 2 h 26 min/);
  });
  it("says a requested restart was requested", async () => {
    const r = await resultOf(ID, { host, log: logOf(request, start), xstat: xstatDump({ host }) });
    assert.equal(r.outcome, "potential");
    assert.equal(r.severity, "low");
    assert.equal(r.affected[0].reason, "restarted on request");
    assert.equal(r.evidence.length, 2);
  });
  it("is ok without a start in the window", async () => {
    assert.equal((await resultOf(ID, { host, log: logOf(call), xstat: xstatDump({ host }) })).outcome, "ok");
  });
  it("is missing without a log", async () => {
    assert.equal((await resultOf(ID, { host, xconf: xconfDump() })).outcome, "missing");
  });
});

describe(`${ID} on the real status layouts`, () => {
  it("reads the uptime from the real text layout and from the .xml dump, where it is `SystemUnit 1/Uptime 1`", async () => {
    const log = logOf(call, start).toString();
    const text = await resultOf(ID, { host, log, xstat: realXstat({ host }) });
    assert.match(text.description, /uptime of 2 h 26 min/);
    const xml = await resultOf(ID, [
      { name: `loggingsnapshot_${host}_2024-03-05_09_12_40.txt`, content: log },
      { name: `xstat_dump_${host}_2024-03-05_09_12_40.xml`, content: xstatZonesXml("active") },
    ]);
    assert.match(xml.description, /uptime of 2 h 26 min/);
  });
});
