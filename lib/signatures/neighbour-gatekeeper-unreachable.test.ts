import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { resultOf } from "@/lib/signatures/test-support";
import { xconfDump } from "@/tests/fixtures/build-bundle";
import { CLUSTERDB_PEER_DOWN, PEER_GATEKEEPER_TIMEOUT, REPLICATION_PEERS, logOf, tvcsEvent } from "@/tests/fixtures/expressway-lines";

const ID = "neighbour-gatekeeper-unreachable";
const host = "expc01";
// TN 217230's line, aimed at a neighbour zone's gatekeeper instead of a cluster peer.
const neighbour = tvcsEvent({ ts: "2020-08-12T14:58:58.871-05:00", host, event: "External Server Communications Failure", pairs: { Reason: "gatekeeper timed out", Service: "NeighbourGatekeeper", Detail: "name:192.0.2.40:1719" } });
const clustered = xconfDump({ host, extra: { "Alternates Peer 1 Address": "10.15.13.15", "Alternates Peer 2 Address": "10.15.13.16" } });

describe(ID, () => {
  it("names the neighbour that timed out", async () => {
    const r = await resultOf(ID, { host, log: logOf(neighbour), xconf: clustered });
    assert.equal(r.outcome, "issue");
    assert.deepEqual([r.affected[0].ip, r.affected[0].port, r.affected[0].reason], ["192.0.2.40", 1719, "gatekeeper timed out"]);
  });
  it("leaves timeouts towards the cluster's own peers to the cluster signature (TN 217230)", async () => {
    const r = await resultOf(ID, { host, log: logOf(CLUSTERDB_PEER_DOWN), xconf: clustered });
    assert.equal(r.outcome, "ok");
    assert.match(r.furtherInformation, /cluster communication signature/);
  });
  it("leaves a timeout towards a peer the replication log names (AlternateIPAddresses) to the cluster signature, without xconf", async () => {
    const r = await resultOf(ID, { host, log: logOf(REPLICATION_PEERS, PEER_GATEKEEPER_TIMEOUT) });
    assert.equal(r.outcome, "ok");
    assert.match(r.furtherInformation, /cluster communication signature/);
  });
  it("leaves a timeout towards a peer named by the cluster database's lines to the cluster signature", async () => {
    const byName = tvcsEvent({ ts: "2020-08-12T14:57:58.871-05:00", host, event: "External Server Communications Failure", pairs: { Reason: "gatekeeper timed out", Service: "NeighbourGatekeeper", Detail: "name:expc02.apolo.local:1719" } });
    const r = await resultOf(ID, { host, log: logOf(CLUSTERDB_PEER_DOWN.slice(0, 4), byName) });
    assert.equal(r.outcome, "ok");
  });
  it("still reports a neighbour that is not among the peers the log names", async () => {
    const r = await resultOf(ID, { host, log: logOf(REPLICATION_PEERS, neighbour) });
    assert.equal(r.outcome, "issue");
    assert.equal(r.affected[0].ip, "192.0.2.40");
  });
  it("is missing without Event Log lines", async () => {
    assert.equal((await resultOf(ID, { host, xconf: clustered })).outcome, "missing");
  });
});
