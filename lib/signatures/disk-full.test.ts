import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { resultOf } from "@/lib/signatures/test-support";
import { xconfDump, xstatDump } from "@/tests/fixtures/build-bundle";
import { logOf, tvcsEvent } from "@/tests/fixtures/expressway-lines";

const ID = "disk-full";
const host = "expc1";
// ENOSPC as Python's logging and syslog write it ("[Errno 28] No space left on device"), in the
// `management:` process layout of TN 217230.
const full = '2024-03-05T09:13:02.101+01:00 expc1 management: UTCTime="2024-03-05 08:13:02,101" Module="developer.management.databasemanager" Level="ERROR" CodeLocation="databasemanager(312)" Detail="Failed to write configuration" Error="[Errno 28] No space left on device"';

describe(ID, () => {
  it("reports the process that could not write", async () => {
    const r = await resultOf(ID, { host, log: logOf(full), xstat: xstatDump({ host }) });
    assert.equal(r.outcome, "issue");
    assert.equal(r.severity, "critical");
    assert.deepEqual([r.affected[0].host, r.affected[0].service], [host, "management"]);
    assert.equal(r.evidence[0].text, full);
  });
  it("is ok without ENOSPC errors", async () => {
    assert.equal((await resultOf(ID, { host, log: logOf(tvcsEvent({ ts: "2024-03-05T09:13:00.000+01:00", host, event: "Call Attempted", pairs: {} })) })).outcome, "ok");
  });
  it("is missing without a log", async () => {
    assert.equal((await resultOf(ID, { host, xconf: xconfDump() })).outcome, "missing");
  });
});
