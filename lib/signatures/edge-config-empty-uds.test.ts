import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { resultOf } from "@/lib/signatures/test-support";
import { udsServiceEmpty } from "@/lib/signatures/edge-config-empty-uds";
import { LogBuilder, xstatDump } from "@/tests/fixtures/build-bundle";

const ID = "edge-config-empty-uds";
const response = (log: LogBuilder, body: string) =>
  log
    .trafficServerLine('Module="network.http.trafficserver" Level="DEBUG": Detail="Receive Request" Txn-id="9"')
    .raw("HTTPMSG:", "|GET /dGJ0cC5jb20/get_edge_config/?service_name=_cisco-uds HTTP/1.1", "|")
    .trafficServerLine('Module="network.http.trafficserver" Level="DEBUG": Detail="Sending Response" Txn-id="9"')
    .raw("HTTPMSG:", "|HTTP/1.1 200 OK", "|Content-Type: application/xml", `|${body}`, "|");

const EMPTY = "<getEdgeConfigResponse><version>1.0</version><serviceConfig><service><name>_cisco-uds</name></service></serviceConfig></getEdgeConfigResponse>";
const FULL = "<getEdgeConfigResponse><serviceConfig><service><name>_cisco-uds</name><server><priority>1</priority><port>8443</port><address>cucm-pub.acme.test</address></server></service></serviceConfig></getEdgeConfigResponse>";

describe(ID, () => {
  it("recognises an empty _cisco-uds service", () => {
    assert.equal(udsServiceEmpty(EMPTY), true);
    assert.equal(udsServiceEmpty(FULL), false);
  });
  it("reports get_edge_config responses without a UDS server", async () => {
    const r = await resultOf(ID, { log: response(new LogBuilder(), EMPTY), xstat: xstatDump() });
    assert.equal(r.outcome, "issue");
    assert.equal(r.affected[0].host, "expc1");
    assert.ok(r.evidence.some((e) => e.text.includes("<name>_cisco-uds</name></service>")));
    assert.match(r.action, /Unified CM servers/);
  });
  it("is ok when the response lists a UDS server", async () => {
    assert.equal((await resultOf(ID, { log: response(new LogBuilder(), FULL), xstat: xstatDump() })).outcome, "ok");
  });
  it("is missing when no get_edge_config was logged", async () => {
    assert.equal((await resultOf(ID, { log: new LogBuilder().sipOptions(1), xstat: xstatDump() })).outcome, "missing");
  });
});
