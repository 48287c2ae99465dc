import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { matchFinding } from "@/lib/analyses/list-analyses";

const tls = {
  analysisId: "a",
  signatureId: "x14-2-traffic-server-verification",
  title: "Expressway-C verifies CUCM certificates",
  outcome: "issue" as const,
  defects: ["CSCwc69661"],
  affected: [{ host: "cucm-pub.acme.test", ip: "192.0.2.10", reason: "self signed certificate (depth 0)" }],
};
const uds = {
  analysisId: "a",
  signatureId: "uds-401-unauthorized",
  title: "CUCM answered UDS requests with 401",
  outcome: "potential" as const,
  defects: [],
  affected: [{ host: "cucm-sub.acme.test", ip: "192.0.2.11", reason: "401 Unauthorized (user jdoe)" }],
};

describe("matchFinding", () => {
  it("names the finding whose affected node has the searched IP or host", () => {
    assert.deepEqual(matchFinding("192.0.2.11", [tls, uds]), {
      signatureId: "uds-401-unauthorized", title: uds.title, outcome: "potential", defects: [], field: "ip", text: "192.0.2.11",
    });
    assert.equal(matchFinding("CUCM-PUB", [tls, uds])?.field, "host");
  });

  it("says a reason naming the searched user is a user match", () => {
    const m = matchFinding("jdoe", [tls, uds]);
    assert.equal(m?.field, "user");
    assert.equal(m?.text, "401 Unauthorized (user jdoe)");
  });

  it("prefers a whole defect ID, then affected entities, then the check's id or title", () => {
    assert.equal(matchFinding("cscwc69661", [uds, tls])?.field, "defect");
    assert.equal(matchFinding("traffic-server", [tls])?.field, "signature");
    assert.equal(matchFinding("nothing-like-it", [tls, uds]), null);
  });

  it("reads affected lists written by older versions without failing", () => {
    assert.equal(matchFinding("zzz", [{ ...tls, affected: "not a list" }]), null);
    assert.equal(matchFinding("zzz", [{ ...tls, affected: [null] }]), null);
  });
});
