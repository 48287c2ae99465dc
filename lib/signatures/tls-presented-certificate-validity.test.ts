import assert from "node:assert/strict";
import { describe, it } from "node:test";
import type { AnalysisOutput, SignatureResult } from "@/lib/results/types";
import { CUCM, analyzeConnections, presenting } from "@/tests/fixtures/tls-bundle";

const ID = "tls-presented-certificate-validity";
const result = (out: AnalysisOutput): SignatureResult => out.results.find((r) => r.signatureId === ID)!;

describe(ID, () => {
  it("reports an expired certificate seen in the capture even though the logs say nothing", async () => {
    const out = await analyzeConnections([presenting("cucmMs", { serverPort: 8443, sni: CUCM.host }), presenting("expired", { serverPort: 443, sni: "expired.steven.lab" })]);
    const r = result(out);
    assert.equal(r.outcome, "issue");
    assert.equal(r.affected.length, 1);
    assert.equal(r.affected[0].port, 443);
    assert.match(r.affected[0].reason, /CN expired\.steven\.lab expired on 2021-01-01/);
    assert.match(r.description, /expired on 2021-01-01/);
    assert.equal(r.affected[0].certificate?.expired, true);
    assert.match(r.action, /Certificate Management/);
  });

  it("calls a certificate expiring within 30 days of the capture a potential problem", async () => {
    // the "expired" test certificate was valid until 2021-01-01: capture it in mid-December 2020
    const out = await analyzeConnections([presenting("expired", { serverPort: 443, startMs: Date.UTC(2020, 11, 15) })], { trustStore: null });
    const r = result(out);
    assert.equal(r.outcome, "potential");
    assert.match(r.affected[0].reason, /expires on 2021-01-01/);
  });

  it("is fine when every presented certificate was valid at capture time", async () => {
    const r = result(await analyzeConnections([presenting("cucmMs", { serverPort: 8443 }), presenting("cucmEc", { serverPort: 6972 })]));
    assert.equal(r.outcome, "ok");
    assert.match(r.description, /2 certificates presented on 2 server ports/);
  });

  it("asks for a capture, and says how to take one, when the bundle has none", async () => {
    const r = result(await analyzeConnections(null));
    assert.equal(r.outcome, "missing");
    assert.match(r.action, /Take tcpdump while logging/);
    assert.match(r.action, /Maintenance > Diagnostics > Diagnostic logging/);
  });

  it("says plainly when the capture only has TLS 1.3 sessions", async () => {
    const r = result(await analyzeConnections([presenting("cucmMs", { serverPort: 8443, tls: "1.3" })]));
    assert.equal(r.outcome, "missing");
    assert.match(r.description, /certificate not visible: TLS 1\.3/);
  });
});
