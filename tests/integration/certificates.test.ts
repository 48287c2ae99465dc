// The certificates view through the HTTP API, against the real server: a bundle with the field's
// 8443 / 6972 capture, a TLS 1.3 session and the trust store; and one whose capture is garbage.
import { describe, it } from "node:test";
import assert from "node:assert/strict";
import { waitForAnalysis } from "../helpers/portal";
import { portalWithUser } from "../helpers/portal-fixture";
import { CUCM, IMP, TLS_BUNDLE_NAME, tlsBundle } from "../fixtures/tls-bundle";

describe("certificates from packet captures, through the HTTP API", () => {
  const fx = portalWithUser();

  async function analyse(bytes: Buffer): Promise<any> {
    const res = await fetch(`${fx.portal.url}/api/analyses`, { method: "POST", body: new Uint8Array(bytes), headers: { ...fx.user.auth, "X-Filename": TLS_BUNDLE_NAME } });
    assert.equal(res.status, 202);
    return waitForAnalysis(fx.portal.url, (await res.json()).id, fx.user.auth);
  }

  it("shows both certificates on the right ports and names the self-signed ECDSA one on the failing node's card", async () => {
    const a = await analyse(await tlsBundle());
    assert.equal(a.status, "done", JSON.stringify(a.error));
    const tls = a.details.tls;
    const cert = (fp: string) => tls.certificates.find((c: any) => c.fingerprint === fp);
    const at = (ip: string, port: number) => tls.servers.find((s: any) => s.ip === ip && s.port === port);

    const rsa = cert(at(CUCM.ip, 8443).chains[0].fingerprints[0]);
    assert.equal(rsa.subjectCN, "cucm-ms.steven.lab");
    assert.deepEqual(rsa.sanDns, ["cups.steven.lab", "steven.lab", "cucm.steven.lab"]);
    assert.match(rsa.pem, /BEGIN CERTIFICATE/);
    const ec = cert(at(CUCM.ip, 6972).chains[0].fingerprints[0]);
    assert.equal(ec.subjectCN, "cucm-EC.steven.lab");
    assert.equal(ec.keyType, "EC");
    assert.equal(ec.selfSigned, true);
    assert.equal(ec.inTrustStore, false);

    const tls13 = at(IMP.ip, 8443);
    assert.equal(tls13.versions[0].name, "TLS 1.3");
    assert.equal(tls13.visibility.tls13, 1);
    assert.ok(tls13.samples[0].notes.includes("certificate not visible: TLS 1.3"));

    const card = a.results.find((r: any) => r.signatureId === "x14-2-traffic-server-verification");
    assert.equal(card.outcome, "issue");
    const node = card.affected.find((x: any) => x.port === 6972);
    assert.equal(node.ip, CUCM.ip);
    assert.match(node.certificate.summary, /6972 presented a self-signed ECDSA P-256 certificate, CN cucm-EC\.steven\.lab, not in the trust store/);

    const split = a.results.find((r: any) => r.signatureId === "tls-certificate-differs-by-port");
    assert.equal(split.outcome, "potential");
  });

  it("turns a garbage capture into a note and still finishes the analysis", async () => {
    const a = await analyse(
      await tlsBundle({ capture: Buffer.from(Array.from({ length: 70_000 }, (_, i) => (i * 7919) & 0xff)), trustStore: null }),
    );
    assert.equal(a.status, "done", JSON.stringify(a.error));
    assert.ok(a.bundle.notes.some((n: string) => /tcpdump00.*not a pcap\/pcapng file/.test(n)), a.bundle.notes.join("\n"));
    assert.equal(a.details.tls.sessionCount, 0);
    const validity = a.results.find((r: any) => r.signatureId === "tls-presented-certificate-validity");
    assert.equal(validity.outcome, "missing");
  });
});
