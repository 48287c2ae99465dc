import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { resultOf } from "@/lib/signatures/test-support";
import { LogBuilder, xstatDump } from "@/tests/fixtures/build-bundle";

const ID = "collab-edge-san-mismatch";

describe(ID, () => {
  it("reports a _collab-edge certificate name mismatch with the domain", async () => {
    const log = new LogBuilder({ host: "expe1" }).line(
      "tvcs",
      'UTCTime="2024-03-05 09:12:41,000" Module="developer.edgeconfig" Level="ERROR": Detail="Certificate SAN does not match _collab-edge._tls.acme.test target expe.acme.test"',
    );
    const r = await resultOf(ID, { host: "expe1", log, xstat: xstatDump() });
    assert.equal(r.outcome, "issue");
    assert.equal(r.affected[0].host, "acme.test");
    assert.match(r.action, /Subject Alternative Names/);
  });
  it("is ok when _collab-edge appears without a mismatch", async () => {
    const log = new LogBuilder().line("tvcs", 'Module="network.dns" Level="DEBUG": Detail="SRV lookup _collab-edge._tls.acme.test"');
    assert.equal((await resultOf(ID, { log, xstat: xstatDump() })).outcome, "ok");
  });
  it("is missing when no line mentions _collab-edge", async () => {
    assert.equal((await resultOf(ID, { log: new LogBuilder().sipOptions(1), xstat: xstatDump() })).outcome, "missing");
  });
});
