import assert from "node:assert/strict";
import { describe, it } from "node:test";
import type { AnalysisOutput, SignatureResult } from "@/lib/results/types";
import { CUCM, analyzeConnections, presenting } from "@/tests/fixtures/tls-bundle";

const ID = "tls-certificate-differs-by-port";
const result = (out: AnalysisOutput): SignatureResult => out.results.find((r) => r.signatureId === ID)!;

describe(ID, () => {
  it("points out the ECDSA / RSA split: self-signed ECDSA on 6972, CA-signed RSA on 8443", async () => {
    const r = result(await analyzeConnections([presenting("cucmMs", { serverPort: 8443, sni: CUCM.host }), presenting("cucmEc", { serverPort: 6972, sni: CUCM.host })]));
    assert.equal(r.outcome, "potential");
    assert.match(r.description, /ECDSA on some and RSA on others/);
    assert.match(r.description, /6972 presented a self-signed ECDSA P-256 certificate, CN cucm-EC\.steven\.lab, not in the trust store/);
    assert.match(r.description, /8443 presented an RSA 2048 certificate issued by Steven Lab Root CA, CN cucm-ms\.steven\.lab/);
    assert.deepEqual(r.affected.map((a) => a.port).sort(), [6972, 8443]);
    assert.match(r.action, /ECDHE-RSA-AES256-GCM-SHA384:/);
    assert.match(r.furtherInformation, /does not start with `ECDHE-RSA-AES256-GCM-SHA384:`/);
  });

  it("is fine with different but equally trusted RSA certificates per port", async () => {
    const r = result(await analyzeConnections([presenting("cucmMs", { serverPort: 8443 }), presenting("wildcard", { serverPort: 5061 })]));
    assert.equal(r.outcome, "ok");
    assert.match(r.description, /all of the same key type and equally trusted/);
  });

  it("is fine when a server presents one certificate on every port", async () => {
    const r = result(await analyzeConnections([presenting("cucmMs", { serverPort: 8443 }), presenting("cucmMs", { serverPort: 6972 })]));
    assert.equal(r.outcome, "ok");
    assert.match(r.description, /one certificate on all the ports/);
  });

  it("asks for a capture when the bundle has none", async () => {
    const r = result(await analyzeConnections(null));
    assert.equal(r.outcome, "missing");
    assert.match(r.action, /Take tcpdump while logging/);
  });
});
