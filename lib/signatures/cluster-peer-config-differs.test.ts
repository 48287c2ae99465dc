import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { resultOf } from "@/lib/signatures/test-support";
import { expresswayEntries, xconfDump } from "@/tests/fixtures/build-bundle";
import { searchRuleLines } from "@/tests/fixtures/search-rules";

const ID = "cluster-peer-config-differs";
// TN 217230's two-peer cluster, one folder per peer as FORMATS.md describes a cluster upload
const PEERS = { "Alternates Peer 1 Address": "10.15.13.15", "Alternates Peer 2 Address": "10.15.13.16", "Alternates Cluster Name": "expc.apolo.local" };
const rule = (pattern: string) => searchRuleLines([{ name: "To CUCM", pattern, target: "CUCM Neighbor" }]).join("\n");
const peer = (host: string, extra: Record<string, string>, more = "") => expresswayEntries({ folder: host, host, xconf: `${xconfDump({ host, extra })}${more}\n` });

describe(ID, () => {
  it("names a replicated search rule that differs between the peers, with each peer's value", async () => {
    const r = await resultOf(ID, [...peer("expc01", PEERS, rule(".*@apolo\\.local")), ...peer("expc02", PEERS, rule(".*@old\\.local"))]);
    assert.equal(r.outcome, "issue");
    assert.deepEqual(r.affected.map((a) => [a.host, a.reason]), [["Zones Policy SearchRules Rule 1 Pattern String", 'expc01: ".*@apolo\\.local"; expc02: ".*@old\\.local"']]);
    assert.equal(r.evidence.length, 2);
    assert.match(r.description, /replication is not working/);
  });
  it("calls out peers that list different cluster peers", async () => {
    const r = await resultOf(ID, [...peer("expc01", PEERS), ...peer("expc02", { ...PEERS, "Alternates Peer 2 Address": "10.15.13.17" })]);
    assert.equal(r.outcome, "issue");
    assert.match(r.description, /1 of them the cluster's own/);
    assert.equal(r.affected[0].service, "cluster setting");
  });
  it("is ok when the peers differ only in their own settings (name, addresses)", async () => {
    const r = await resultOf(ID, [...peer("expc01", PEERS, rule(".*@apolo\\.local")), ...peer("expc02", PEERS, rule(".*@apolo\\.local"))]);
    assert.equal(r.outcome, "ok");
  });
  it("does not apply to one peer's bundle, and is missing without xconf", async () => {
    assert.equal((await resultOf(ID, peer("expc01", PEERS))).outcome, "not_applicable");
    assert.equal((await resultOf(ID, expresswayEntries({ host: "expc01", log: "" }))).outcome, "missing");
  });
});
