import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { resultOf } from "@/lib/signatures/test-support";
import { xconfDump, xstatDump } from "@/tests/fixtures/build-bundle";
import { CLUSTERDB_PEER_DOWN, REPLICATION_OK, logOf } from "@/tests/fixtures/expressway-lines";

const ID = "cluster-database-inconsistent";
const host = "expc01";
const clustered = xconfDump({ host, extra: { "Alternates Peer 1 Address": "10.15.13.15", "Alternates Peer 2 Address": "10.15.13.16" } });

describe(ID, () => {
  it("names the peer whose copy diverged, from TN 217230's peer-down lines without a process token", async () => {
    const r = await resultOf(ID, { host, log: logOf(CLUSTERDB_PEER_DOWN), xconf: clustered, xstat: xstatDump({ host }) });
    assert.equal(r.outcome, "issue");
    assert.equal(r.affected.length, 1);
    assert.equal(r.affected[0].host, "expc02.apolo.local");
    assert.match(r.affected[0].reason, /inconsistent database \(from mnesia system - mnesia down\)/);
    assert.deepEqual(r.affected[0].peers, ["expc01"]);
    assert.equal(r.affected[0].firstSeen, "2020-08-12T14:57:43.354-05:00");
    assert.equal(r.evidence.length, 1);
    assert.match(r.evidence[0].text, /Detail="Inconsistent Database"/);
  });
  it("is ok on a cluster whose log shows only normal replication", async () => {
    assert.equal((await resultOf(ID, { host, log: logOf(REPLICATION_OK), xconf: clustered })).outcome, "ok");
  });
  it("does not apply to an Expressway without cluster peers", async () => {
    assert.equal((await resultOf(ID, { host, log: logOf(REPLICATION_OK), xconf: xconfDump({ host }) })).outcome, "not_applicable");
  });
  it("is missing without a log", async () => {
    assert.equal((await resultOf(ID, { host, xconf: clustered })).outcome, "missing");
  });
});
