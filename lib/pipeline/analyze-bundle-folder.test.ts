import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { analyzeBundle } from "@/lib/pipeline/analyze-bundle";
import { peerFolders } from "@/lib/bundle/peer-folders";
import { chunked } from "@/tests/fixtures/build-bundle";
import { BROKEN_NODES, CLUSTER_BUNDLE_NAME, clusterBundle } from "@/tests/fixtures/cluster-bundle";

describe("analyzeBundle of one peer folder", () => {
  it("reads only that peer's files of an archive holding a folder per peer", async () => {
    const bytes = await clusterBundle();
    const whole = await analyzeBundle(chunked(bytes), CLUSTER_BUNDLE_NAME);
    assert.deepEqual(peerFolders(whole.bundle.files), ["expc1", "expc2", "expc3"]);

    const out = await analyzeBundle(chunked(bytes), CLUSTER_BUNDLE_NAME, { folder: "expc2" });
    assert.equal(out.bundle.host, "expc2");
    assert.ok(out.bundle.files.length > 0);
    assert.ok(out.bundle.files.every((f) => f.name.startsWith("expc2/")));
    const card = out.results.find((r) => r.signatureId === "x14-2-traffic-server-verification");
    assert.equal(card?.outcome, "issue");
    assert.deepEqual(card?.affected.map((a) => a.ip), [BROKEN_NODES[1].ip]);
    assert.equal(out.details.mraRequests?.total, 1);
  });

  it("fails a folder that holds no Expressway files like any such bundle", async () => {
    await assert.rejects(analyzeBundle(chunked(await clusterBundle()), CLUSTER_BUNDLE_NAME, { folder: "nope" }), /no_expressway_files|has no readable files/);
  });
});
