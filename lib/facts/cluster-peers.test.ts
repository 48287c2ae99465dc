import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { ClusterPeerCollector, sameHost } from "@/lib/facts/cluster-peers";
import { parseSyslogPrefix } from "@/lib/parse/syslog-prefix";
import { CLUSTERDB_PEER_DOWN, REPLICATION_PEERS } from "@/tests/fixtures/expressway-lines";

function feed(lines: string[]) {
  const c = new ClusterPeerCollector();
  lines.forEach((text, i) => c.onEntry("log.txt", { line: i + 1, text, prefix: parseSyslogPrefix(text)!, block: null }));
  return c.finish();
}

describe("cluster peers the log names", () => {
  it("reads every peer of TN 217230's AlternateIPAddresses, with the local one marked", () => {
    assert.deepEqual(feed([REPLICATION_PEERS]).map((p) => [p.address, p.name, p.local]), [["10.15.13.15", "expc01", true], ["10.15.13.16", "expc02", false]]);
  });
  it("adds the clusterdb nodes to the peers known by address, once each", () => {
    const peers = feed([REPLICATION_PEERS, ...CLUSTERDB_PEER_DOWN.slice(0, 4)]);
    assert.deepEqual(peers.map((p) => [p.address, p.name]), [["10.15.13.15", "expc01"], ["10.15.13.16", "expc02"]]);
  });
  it("knows a clusterdb node by name alone when no line gives its address", () => {
    assert.deepEqual(feed(CLUSTERDB_PEER_DOWN.slice(0, 1)).map((p) => [p.address, p.name, p.local]), [[null, "expc02.apolo.local", false], [null, "expc01.apolo.local", true]]);
  });
  it("takes a short name and its FQDN for one host, never two different addresses", () => {
    assert.ok(sameHost("expc02", "EXPC02.apolo.local"));
    assert.ok(!sameHost("expc02.other.test", "expc02.apolo.local"));
    assert.ok(!sameHost("10.15.13.1", "10.15.13.16"));
  });
});
