import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { resultOf } from "@/lib/signatures/test-support";
import { xconfDump, xstatDump } from "@/tests/fixtures/build-bundle";

const ID = "zone-not-active";
const host = "expc1";
// `*s Zones` block in the indented xstat layout of FORMATS.md (Configuration and status dumps);
// field names as on Status > Zones.
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
