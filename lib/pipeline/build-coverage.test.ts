import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { analyze } from "@/lib/signatures/test-support";
import { LogBuilder, xconfDump, xstatDump } from "@/tests/fixtures/build-bundle";
import { CLUSTERDB_PEER_DOWN, logOf } from "@/tests/fixtures/expressway-lines";

const state = (out: Awaited<ReturnType<typeof analyze>>, key: string) => out.details.coverage?.items.find((i) => i.key === key);

describe("coverage view", () => {
  it("says there was no SIP traffic, no status dump and no certificates when the bundle had none", async () => {
    const out = await analyze({ host: "expc01", log: logOf(CLUSTERDB_PEER_DOWN), xconf: xconfDump({ host: "expc01", extra: { "Alternates Peer 1 Address": "10.15.13.15", "Alternates Peer 2 Address": "10.15.13.16" } }) });
    assert.equal(state(out, "log")?.state, "checked");
    assert.equal(state(out, "sip")?.state, "not_checked");
    assert.match(state(out, "sip")!.text, /No SIP traffic in the logging window/);
    assert.equal(state(out, "status-dump")?.state, "not_checked");
    assert.match(state(out, "status-dump")!.text, /No xstat dump/);
    assert.equal(state(out, "certificates")?.state, "not_checked");
    assert.equal(state(out, "alarms")?.state, "partial");
    assert.equal(state(out, "cluster")?.state, "partial");
    assert.match(state(out, "cluster")!.text, /2 peers configured, 1 peer's bundle uploaded/);
    assert.equal(out.details.coverage!.missingSignatures, out.results.filter((r) => r.outcome === "missing").length);
  });
  it("counts SIP lines when the window has SIP traffic", async () => {
    const out = await analyze({ log: new LogBuilder().sipOptions(2), xstat: xstatDump(), xconf: xconfDump() });
    assert.equal(state(out, "sip")?.state, "checked");
    assert.equal(state(out, "status-dump")?.state, "partial", "a dump without zones is read but partial");
  });
  it("says nothing from the logging window was checked without a log", async () => {
    const out = await analyze({ xstat: xstatDump(), xconf: xconfDump() });
    assert.equal(state(out, "log")?.state, "not_checked");
    assert.equal(state(out, "sip"), undefined);
  });
});
