import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { resultOf } from "@/lib/signatures/test-support";
import { xconfDump, xstatDump } from "@/tests/fixtures/build-bundle";
import { realXstat, xstatZones, xstatZonesXml } from "@/tests/fixtures/real-layouts/lines";

const ID = "zone-not-active";
const host = "expc1";
// `*s Zones` block in the modelled layout (a `Status` child per protocol, as Status > Zones shows
// it), kept because nothing proves today's boxes do not print it; the real layout is below.
const zones = (traversal: string, neighbour = "Active") =>
  `${xstatDump({ host })}*s Zones: /\n    Zone 1: /\n      Name: "UC Traversal to expe"\n      Type: "UnifiedCommunicationsTraversal"\n      SIP: /\n        Status: "${traversal}"\n        Cause: "Connection refused"\n    Zone 2: /\n      Name: "CUCM neighbour"\n      Type: "Neighbor"\n      SIP: /\n        Status: "${neighbour}"\n`;

describe(ID, () => {
  it("names a failed traversal zone with its cause, as an MRA outage", async () => {
    const r = await resultOf(ID, { host, xstat: zones("Failed"), xconf: xconfDump() });
    assert.equal(r.outcome, "issue");
    assert.equal(r.affected.length, 1);
    assert.equal(r.affected[0].host, "UC Traversal to expe");
    assert.equal(r.affected[0].reason, "SIP/Status Failed: Connection refused");
    assert.match(r.description, /stops MRA/);
    assert.match(r.evidence[0].text, /Status: "Failed"/);
  });
  it("is a potential problem while a zone is still checking", async () => {
    assert.equal((await resultOf(ID, { host, xstat: zones("Active", "Checking") })).outcome, "potential");
  });
  it("is ok when every zone is active", async () => {
    const r = await resultOf(ID, { host, xstat: zones("Active") });
    assert.equal(r.outcome, "ok");
    assert.match(r.description, /All 2 zones/);
  });
  it("is missing without zones in the status dump", async () => {
    assert.equal((await resultOf(ID, { host, xstat: xstatDump({ host }) })).outcome, "missing");
  });
});

// The zone element as TANDBERG's API guide D14172.01 prints it (Example 1.9): the state is an
// attribute of the zone and of its gatekeeper, the cause a child (tests/fixtures/real-layouts/lines.ts).
describe(`${ID} on the real status layouts`, () => {
  it("reads a zone Failed in the attribute layout, with its cause and its gatekeeper's", async () => {
    const r = await resultOf(ID, { host, xstat: `${realXstat({ host })}${xstatZones("failed")}` });
    assert.equal(r.outcome, "issue");
    assert.deepEqual(r.affected.map((a) => [a.host, a.reason]), [["MyNeighbor", "status Failed, Gatekeeper/status Failed: No gatekeeper reachable; DNS Resolution Failed"]]);
    assert.match(r.evidence[0].text, /^Zone 2 \(status=Failed\): \/$/);
  });
  it("is ok when the zone and its gatekeeper are Active", async () => {
    const r = await resultOf(ID, { host, xstat: `${realXstat({ host })}${xstatZones("active")}` });
    assert.equal(r.outcome, "ok");
    assert.match(r.description, /All 1 zone .*MyNeighbor/);
  });
  it("reads the same zone from the .xml dump, where every element carries an item number", async () => {
    const r = await resultOf(ID, [{ name: `xstat_dump_${host}_2024-03-05_09_12_40.xml`, content: xstatZonesXml("failed") }]);
    assert.equal(r.outcome, "issue");
    assert.equal(r.affected[0].host, "MyNeighbor");
    assert.match(r.affected[0].reason, /status Failed.*No gatekeeper reachable/);
    assert.match(r.evidence[0].text, /<Zone item="2" status="Failed">/);
  });
});
