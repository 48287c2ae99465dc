import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { resultOf } from "@/lib/signatures/test-support";
import { xconfDump, xstatDump } from "@/tests/fixtures/build-bundle";
import { logOf, tvcsEvent } from "@/tests/fixtures/expressway-lines";

const ID = "dns-server-unreachable";
const host = "expc1";
// The layout of TN 217230's NeighbourGatekeeper line with Service="DNS"; the administrator guide
// (Events and Levels) names DNS among the servers this event is written for.
const dnsFail = (ts: string) => tvcsEvent({ ts, host, event: "External Server Communications Failure", pairs: { Reason: "no response", Service: "DNS", Detail: "name:10.0.0.53:53" } });
const gkFail = tvcsEvent({ ts: "2024-03-05T09:13:10.000+01:00", host, event: "External Server Communications Failure", pairs: { Reason: "gatekeeper timed out", Service: "NeighbourGatekeeper", Detail: "name:10.15.13.16:1719" } });
const searchLine = tvcsEvent({ ts: "2024-03-05T09:13:00.000+01:00", host, event: "Search Attempted", pairs: { Service: "SIP", "Src-alias": "sip:alice@acme.test", "Dst-alias": "sip:bob@acme.test" } });

describe(ID, () => {
  it("names the DNS server that did not answer, with count and times", async () => {
    const r = await resultOf(ID, { host, log: logOf(dnsFail("2024-03-05T09:13:02.101+01:00"), dnsFail("2024-03-05T09:18:02.101+01:00")), xstat: xstatDump({ host }) });
    assert.equal(r.outcome, "issue");
    assert.deepEqual([r.affected[0].ip, r.affected[0].port, r.affected[0].reason, r.affected[0].count], ["10.0.0.53", 53, "no response", 2]);
    assert.equal(r.evidence.length, 1, "identical lines are folded");
    assert.equal(r.evidence[0].count, 2);
  });
  it("is ok when only other servers failed", async () => {
    assert.equal((await resultOf(ID, { host, log: logOf(searchLine, gkFail), xstat: xstatDump({ host }) })).outcome, "ok");
  });
  it("is missing without Event Log lines", async () => {
    assert.equal((await resultOf(ID, { host, xconf: xconfDump() })).outcome, "missing");
  });
});
