import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { analyze, resultOf } from "@/lib/signatures/test-support";
import { xconfDump, xstatDump } from "@/tests/fixtures/build-bundle";
import { CLUSTERDB_PEER_DOWN, PEER_GATEKEEPER_TIMEOUT, REPLICATION_OK, REPLICATION_PEERS, alarmLine, logOf } from "@/tests/fixtures/expressway-lines";

const ID = "cluster-communication-failure";
const host = "expc01";
const clustered = xconfDump({ host, extra: { "Alternates Peer 1 Address": "10.15.13.15", "Alternates Peer 2 Address": "10.15.13.16" } });

describe(ID, () => {
  it("reports the open alarms 20006 / 20004 and the failed clusterdb connection of TN 217230", async () => {
    const r = await resultOf(ID, { host, log: logOf(CLUSTERDB_PEER_DOWN), xconf: clustered, xstat: xstatDump({ host }) });
    assert.equal(r.outcome, "issue");
    assert.deepEqual(r.affected.map((a) => a.reason), ["20004 Cluster communication failure", "20006 Cluster database communication failure", "Failed connecting to node", "gatekeeper timed out"]);
    assert.equal(r.affected[2].host, "expc02.apolo.local");
    assert.deepEqual([r.affected[3].ip, r.affected[3].port, r.affected[3].service], ["10.15.13.16", 1719, "H.323 to the peer"]);
    assert.match(r.description, /configured peers are 10\.15\.13\.15, 10\.15\.13\.16/);
    assert.match(r.action, /4371/);
    // the two alarms, the failed connection, the RAS timeout and xconf's line naming 10.15.13.16 a peer
    assert.equal(r.evidence.length, 5);
    assert.ok(r.evidence.some((e) => e.text.includes("Alternates Peer 2 Address")));
  });
  it("reports a gatekeeper timeout towards a peer the replication log names, on this card only (no xconf)", async () => {
    const out = await analyze({ host, log: logOf(REPLICATION_PEERS, PEER_GATEKEEPER_TIMEOUT) });
    const r = out.results.find((x) => x.signatureId === ID)!;
    assert.equal(r.outcome, "issue");
    assert.deepEqual(r.affected.map((a) => [a.host, a.ip, a.port, a.reason]), [["expc02", "10.15.13.16", 1719, "gatekeeper timed out"]]);
    assert.match(r.description, /10\.15\.13\.16/);
    assert.ok(r.evidence.some((e) => e.text.includes('Detail="name:10.15.13.16:1719"')));
    assert.ok(r.evidence.some((e) => e.text.includes("AlternateIPAddresses")), "the line that names the peer");
    const cards = out.results.filter((x) => x.outcome === "issue" && x.evidence.some((e) => e.text.includes("name:10.15.13.16:1719")));
    assert.deepEqual(cards.map((c) => c.signatureId), [ID]);
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
