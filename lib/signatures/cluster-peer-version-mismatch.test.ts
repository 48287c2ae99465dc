import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { resultOf } from "@/lib/signatures/test-support";
import { expresswayEntries, xconfDump, xstatDump } from "@/tests/fixtures/build-bundle";

const ID = "cluster-peer-version-mismatch";
// One archive holding a folder per peer, as users upload cluster bundles (FORMATS.md, The bundle).
const peers = (a: string, b: string) => [
  ...expresswayEntries({ folder: "expc1", host: "expc1", xstat: xstatDump({ host: "expc1", version: a }), xconf: xconfDump({ host: "expc1" }) }),
  ...expresswayEntries({ folder: "expc2", host: "expc2", xstat: xstatDump({ host: "expc2", version: b }), xconf: xconfDump({ host: "expc2" }) }),
];

describe(ID, () => {
  it("names each peer's version when they differ", async () => {
    const r = await resultOf(ID, peers("X14.3.0", "X14.2.1"));
    assert.equal(r.outcome, "issue");
    assert.deepEqual(r.affected.map((a) => [a.host, a.reason]).sort(), [["expc1", "X14.3.0"], ["expc2", "X14.2.1"]]);
    assert.equal(r.evidence.length, 2);
  });
  it("is ok when every peer runs the same release", async () => {
    assert.equal((await resultOf(ID, peers("X14.3.0", "X14.3.0"))).outcome, "ok");
  });
  it("is missing when no version can be read", async () => {
    assert.equal((await resultOf(ID, { xstat: xstatDump({ version: null }) })).outcome, "missing");
  });
});
