// The framework around a rule: it sees only the facts it declares, "missing" for an absent required
// fact is answered for it, and a rule can be tested on facts directly (without building a bundle).
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { buildFacts, emptyTrafficServer } from "@/lib/facts/facts-builder";
import type { MraRequest } from "@/lib/facts/facts";
import { defineSignature, runSignature } from "@/lib/signatures/signature";
import { uds401Unauthorized } from "@/lib/signatures/uds-401-unauthorized";

const META = {
  id: "test-rule",
  version: 1,
  defects: [],
  title: "A test rule",
  severity: "high" as const,
  category: "informational" as const,
  area: "test",
  summary: "For the framework's tests.",
  products: ["Expressway-C" as const],
  inputs: ["the trust store"],
};

describe("signature framework", () => {
  it("gives the rule only the facts it reads", () => {
    let seen: string[] = [];
    const sig = defineSignature({ ...META, reads: ["trafficServer", "version"] }, (facts) => {
      seen = Object.keys(facts).sort();
      return { outcome: "ok", description: "d", condition: "c", furtherInformation: "", action: "a" };
    });
    runSignature(sig, buildFacts());
    assert.deepEqual(seen, ["trafficServer", "version"]);
  });

  it("answers missing, naming the input, when a required fact is absent, without running the rule", () => {
    let ran = false;
    const sig = defineSignature({ ...META, reads: [], requires: ["trustStore"] }, (facts) => {
      ran = true;
      return { outcome: "ok", description: `${facts.trustStore.certificates.length}`, condition: "c", furtherInformation: "", action: "a" };
    });
    const r = runSignature(sig, buildFacts({ trustStore: null }));
    assert.equal(ran, false);
    assert.equal(r.outcome, "missing");
    assert.match(r.condition, /trusted CA list/);
    const present = runSignature(sig, buildFacts({ trustStore: { files: [], certificates: [], notes: [] } as never }));
    assert.equal(ran, true);
    assert.equal(present.outcome, "ok");
  });

  it("refuses a rule that declares a fact that does not exist", () => {
    assert.throws(() => defineSignature({ ...META, reads: ["nope" as never] }, () => ({ outcome: "ok", description: "", condition: "", furtherInformation: "", action: "" })), /unknown fact "nope"/);
  });

  it("lets a real signature be tested on facts alone", () => {
    const request: MraRequest = {
      source: { file: "loggingsnapshot_expc1.txt", line: 7, text: "…Sending Response…" },
      pid: "2030",
      txnId: "1",
      trackingId: null,
      timestamp: "2024-03-05T09:12:41.000-05:00",
      method: "GET",
      path: "/cucm-uds/user/bwayne/devices",
      target: { domain: "acme.test", protocol: "https", host: "cucm-pub.acme.test", port: 8443 },
      user: "bwayne",
      dstIp: "192.0.2.10",
      dstPort: 8443,
      status: 401,
      statusText: "Unauthorized",
      peer: "expc1",
      failure: null,
    };
    const facts = buildFacts({ trafficServer: { ...emptyTrafficServer(), mraRequestCount: 1, requests: [request] } });
    const r = runSignature(uds401Unauthorized, facts);
    assert.equal(r.outcome, "issue");
    assert.match(r.description, /bwayne/);
    assert.equal(r.affected[0].port, 8443);
  });
});
