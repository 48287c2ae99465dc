import assert from "node:assert/strict";
import { describe, it } from "node:test";
import type { AnalysisOutput, SignatureResult } from "@/lib/results/types";
import { CUCM, analyzeConnections, presenting } from "@/tests/fixtures/tls-bundle";

const ID = "tls-certificate-name-coverage";
const result = (out: AnalysisOutput): SignatureResult => out.results.find((r) => r.signatureId === ID)!;

describe(ID, () => {
  it("reports an SNI the presented certificate does not name, with its SAN list", async () => {
    const r = result(await analyzeConnections([presenting("cucmEc", { serverPort: 6972, sni: CUCM.host })]));
    assert.equal(r.outcome, "issue");
    assert.equal(r.affected[0].port, 6972);
    assert.match(r.affected[0].reason, /SNI cucm\.steven\.lab not in certificate \(CN cucm-EC\.steven\.lab, SAN cucm-EC\.steven\.lab\)/);
    assert.match(r.action, /Refresh servers/);
  });

  it("reports a connect address missing from the SAN on a port the traffic server verifies", async () => {
    // the wildcard certificate names *.steven.lab but no IP; the client connected by address, without SNI
    const r = result(await analyzeConnections([presenting("wildcard", { serverPort: 8443 })]));
    assert.equal(r.outcome, "issue");
    assert.match(r.affected[0].reason, /address 10\.10\.20\.21 not in certificate/);
    assert.match(r.affected[0].certificate!.summary, /SAN \*\.steven\.lab \(connect address 10\.10\.20\.21 not among them\)/);
  });

  it("calls an uncovered address without SNI on other ports a potential problem", async () => {
    const r = result(await analyzeConnections([presenting("wildcard", { serverPort: 5061 })]));
    assert.equal(r.outcome, "potential");
  });

  it("accepts SANs, IP SANs and a wildcard on the left-most label (RFC 6125)", async () => {
    const r = result(
      await analyzeConnections([
        presenting("cucmMs", { serverPort: 8443, sni: "cups.steven.lab" }),
        presenting("cucmMs", { serverPort: 6972 }), // no SNI: 10.10.20.21 is an IP SAN
        presenting("wildcard", { serverPort: 8443, serverIp: "10.10.20.30", sni: "imp.steven.lab" }),
      ]),
    );
    assert.equal(r.outcome, "ok", r.description);
  });

  it("does not match a wildcard across two labels", async () => {
    const r = result(await analyzeConnections([presenting("wildcard", { serverPort: 8443, sni: "a.imp.steven.lab" })]));
    assert.equal(r.outcome, "issue");
  });

  it("asks for a capture when the bundle has none", async () => {
    const r = result(await analyzeConnections(null));
    assert.equal(r.outcome, "missing");
    assert.match(r.action, /Take tcpdump while logging/);
  });
});
