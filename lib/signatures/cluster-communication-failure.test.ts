import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { resultOf } from "@/lib/signatures/test-support";
import { xconfDump, xstatDump } from "@/tests/fixtures/build-bundle";
import { CLUSTERDB_PEER_DOWN, REPLICATION_OK, alarmLine, logOf } from "@/tests/fixtures/expressway-lines";

const ID = "cluster-communication-failure";
const host = "expc01";
const clustered = xconfDump({ host, extra: { "Alternates Peer 1 Address": "10.15.13.15", "Alternates Peer 2 Address": "10.15.13.16" } });

describe(ID, () => {
  it("reports the open alarms 20006 / 20004 and the failed clusterdb connection of TN 217230", async () => {
    const r = await resultOf(ID, { host, log: logOf(CLUSTERDB_PEER_DOWN), xconf: clustered, xstat: xstatDump({ host }) });
    assert.equal(r.outcome, "issue");
    assert.deepEqual(r.affected.map((a) => a.reason), ["20004 Cluster communication failure", "20006 Cluster database communication failure", "Failed connecting to node"]);
    assert.equal(r.affected[2].host, "expc02.apolo.local");
    assert.match(r.description, /configured peers are 10\.15\.13\.15, 10\.15\.13\.16/);
    assert.match(r.action, /4371/);
    assert.equal(r.evidence.length, 3);
  });
  it("is a potential problem when the failure was lowered again", async () => {
    const raised = alarmLine({ ts: "2024-03-05T09:13:02.101+01:00", host, event: "Raised", id: "20021", detail: "Cluster communication failure: Unable to establish a TCP connection with 10.15.13.16 on ports 4371, 4372" });
    const lowered = alarmLine({ ts: "2024-03-05T09:14:02.101+01:00", host, event: "Lowered", id: "20021", detail: "Cluster communication failure" });
    const r = await resultOf(ID, { host, log: logOf(raised, lowered), xconf: clustered });
    assert.equal(r.outcome, "potential");
  });
  it("is ok on a cluster whose log shows only normal replication", async () => {
    assert.equal((await resultOf(ID, { host, log: logOf(REPLICATION_OK), xconf: clustered })).outcome, "ok");
  });
  it("does not apply to an Expressway without cluster peers", async () => {
    assert.equal((await resultOf(ID, { host, log: logOf(REPLICATION_OK), xconf: xconfDump({ host }) })).outcome, "not_applicable");
  });
  it("is missing without a log and a status dump", async () => {
    assert.equal((await resultOf(ID, { host, xconf: clustered })).outcome, "missing");
  });
});
