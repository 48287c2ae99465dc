// The certificates view built in the bundle pass: captures, trust store and server certificate
// read as bytes beside the logs, grouped per server:port, bounded, and never failing the analysis.
// Run: node --import tsx --test lib/facts/tls-facts.test.ts
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { analyzeBundle } from "@/lib/pipeline/analyze-bundle";
import type { AnalysisOutput } from "@/lib/results/types";
import { chunked, makeTarGz } from "@/tests/fixtures/build-bundle";
import { buildTlsPackets, testCerts, writeCapture } from "@/tests/fixtures/capture";
import { CAPTURE_NAME, CUCM, EXPC, IMP, TLS_BUNDLE_NAME, splitCapturePackets, tlsBundleEntries, type TlsBundleOptions } from "@/tests/fixtures/tls-bundle";
import { TlsCollector } from "./tls-facts";

async function analyze(o: TlsBundleOptions = {}): Promise<AnalysisOutput> {
  return analyzeBundle(chunked(await makeTarGz(await tlsBundleEntries(o)), 7_000), TLS_BUNDLE_NAME);
}

const server = (out: AnalysisOutput, ip: string, port: number) => out.details.tls?.servers.find((s) => s.ip === ip && s.port === port);
const cert = (out: AnalysisOutput, fp: string | undefined) => out.details.tls?.certificates.find((c) => c.fingerprint === fp);

describe("TLS facts from the bundle's captures", () => {
  it("shows the CA-signed RSA certificate on 8443 and the self-signed ECDSA one on 6972 of the same node", async () => {
    const out = await analyze();
    const tls = out.details.tls!;
    assert.equal(tls.sessionCount, 3);
    assert.deepEqual(tls.captures.map((c) => c.fileName), [CAPTURE_NAME]);

    const s8443 = server(out, CUCM.ip, 8443)!;
    const ms = cert(out, s8443.chains[0].fingerprints[0])!;
    assert.equal(ms.subjectCN, "cucm-ms.steven.lab");
    assert.deepEqual(ms.sanDns, ["cups.steven.lab", "steven.lab", "cucm.steven.lab"]);
    assert.equal(ms.keyType, "RSA");
    assert.equal(ms.inTrustStore, true);
    assert.equal(s8443.chains[0].trusted, true);
    assert.deepEqual(s8443.chains[0].names, [{ name: "cucm.steven.lab", kind: "sni", covered: true }]);
    assert.match(ms.pem, /^-----BEGIN CERTIFICATE-----/);

    const s6972 = server(out, CUCM.ip, 6972)!;
    const ec = cert(out, s6972.chains[0].fingerprints[0])!;
    assert.equal(ec.subjectCN, "cucm-EC.steven.lab");
    assert.equal(ec.keyType, "EC");
    assert.equal(ec.curve, "prime256v1");
    assert.equal(ec.selfSigned, true);
    assert.equal(ec.inTrustStore, false);
    assert.equal(s6972.chains[0].trusted, false);
    assert.deepEqual(s6972.alerts.map((a) => [a.from, a.description]), [["client", "unknown_ca(48)"]]);
    assert.equal(s6972.samples[0].client.ip, EXPC);
  });

  it("reports a TLS 1.3 session with version, cipher and SNI and says the certificate is not visible", async () => {
    const out = await analyze();
    const s = server(out, IMP.ip, 8443)!;
    assert.deepEqual(s.visibility, { visible: 0, tls13: 1, resumed: 0, notSeen: 0 });
    assert.equal(s.chains.length, 0);
    assert.deepEqual(s.versions, [{ name: "TLS 1.3", count: 1 }]);
    assert.equal(s.sni[0].name, IMP.host);
    assert.match(s.samples[0].cipherSuite!, /^TLS_AES_/);
    assert.ok(s.samples[0].notes.includes("certificate not visible: TLS 1.3"));
  });

  it("keeps the trust store and the Expressway's own certificate, each certificate once", async () => {
    const out = await analyze();
    const tls = out.details.tls!;
    assert.equal(tls.trustStore?.count, 1);
    assert.equal(tls.trustStore?.certificates[0].subjectCN, "Steven Lab Root CA");
    assert.equal(tls.serverCertificate.length, 1);
    assert.equal(cert(out, tls.serverCertificate[0])?.subjectCN, "expe.steven.lab");
    assert.deepEqual(cert(out, tls.serverCertificate[0])?.sources, ["server_pem"]);
    const fps = tls.certificates.map((c) => c.fingerprint);
    assert.equal(new Set(fps).size, fps.length);
  });

  it("says inTrustStore is unknown without a ca_*.pem", async () => {
    const out = await analyze({ trustStore: null });
    assert.equal(out.details.tls?.trustStore, null);
    assert.ok(out.details.tls?.certificates.every((c) => c.inTrustStore === null));
    assert.equal(server(out, CUCM.ip, 6972)?.chains[0].trusted, null);
  });

  it("groups many sessions per server:port with counts and keeps a few distinct samples", async () => {
    const extra = await Promise.all(
      Array.from({ length: 12 }, (_, i) =>
        buildTlsPackets({ clientIp: EXPC, sni: CUCM.host, tls: "1.2", serverCert: testCerts.cucmMs.cert, serverKey: testCerts.cucmMs.key, serverIp: CUCM.ip, serverPort: 8443, clientPort: 41000 + i, startMs: Date.UTC(2026, 5, 1, 13, 0, i) }),
      ),
    );
    const packets = [...(await splitCapturePackets()), ...extra.flatMap((e) => e.packets)].sort((a, b) => a.timeMs - b.timeMs);
    const out = await analyze({ capture: writeCapture(packets, { format: "pcapng", linkType: 276 }) });
    const s = server(out, CUCM.ip, 8443)!;
    assert.equal(s.sessions, 13);
    assert.equal(s.chains.length, 1);
    assert.equal(s.chains[0].sessions, 13);
    assert.equal(s.samples.length, 1, "identical sessions are one sample");
  });

  it("reads captures on every link type the Expressway may write, VLAN-tagged too, in one bundle", async () => {
    const packets = await splitCapturePackets();
    const extra = [1, 113, 276, 101, 0].map((linkType, i) => ({
      name: `eth${i + 1}_diagnostic_logging_tcpdump00_expc1_2026-06-01_12_00_00.pcap${i % 2 ? "ng" : ""}`,
      content: writeCapture(packets, { linkType, format: i % 2 ? "pcapng" : "pcap", byteOrder: i === 2 ? "big" : "little", nanos: i === 3, vlans: linkType === 1 ? [20] : undefined }),
    }));
    const out = await analyze({ extra });
    assert.equal(out.details.tls?.captures.length, 6);
    for (const c of out.details.tls!.captures) assert.equal(c.tlsSessions, 3, c.fileName);
    assert.equal(server(out, CUCM.ip, 6972)?.sessions, 6);
  });

  it("turns a garbage .pcap, a truncated one and a lying header into notes, never a failed analysis", async () => {
    const good = writeCapture(await splitCapturePackets());
    const lying = Buffer.from(good);
    lying.writeUInt32LE(0x7fffffff, 24 + 8); // first record claims 2 GiB captured
    const out = await analyze({
      extra: [
        { name: "eth1_diagnostic_logging_tcpdump00_expc1_2026-06-01_12_00_00.pcap", content: Buffer.from("this is not a capture at all, just text".repeat(50)) },
        { name: "eth2_diagnostic_logging_tcpdump00_expc1_2026-06-01_12_00_00.pcap", content: good.subarray(0, Math.floor(good.length * 0.6)) },
        { name: "eth3_diagnostic_logging_tcpdump00_expc1_2026-06-01_12_00_00.pcap", content: lying },
      ],
    });
    assert.ok(out.bundle.notes.some((n) => /eth1_.*not a pcap\/pcapng file/.test(n)), out.bundle.notes.join("\n"));
    assert.ok(out.details.tls!.notes.some((n) => /eth3_/.test(n)), out.details.tls!.notes.join("\n"));
    // The good capture still counts.
    assert.equal(server(out, CUCM.ip, 6972)?.chains[0].fingerprints.length, 1);
    assert.ok(out.results.length > 0);
  });

  it("leaves details.tls out when the bundle has no capture and no certificate file", async () => {
    const out = await analyze({ capture: null, trustStore: null });
    // server_*.pem is still there: a view of the Expressway's own certificate
    assert.ok(out.details.tls);
    assert.equal(out.details.tls.captures.length, 0);
    const none = await analyzeBundle(chunked(await makeTarGz((await tlsBundleEntries({ capture: null, trustStore: null })).filter((e) => !e.name.endsWith(".pem")))), TLS_BUNDLE_NAME);
    assert.equal(none.details.tls, undefined);
  });

  it("reads only the first bytes of an oversized PEM file and says so", () => {
    const c = new TlsCollector({ maxPemBytes: 2_000 });
    assert.equal(c.startFile({ name: "ca_expc1_x.pem", size: 0, kind: "certificate" }), true);
    c.bytes(Buffer.from(testCerts.ca + testCerts.intermediate + testCerts.cucmMs.cert));
    c.endFile();
    const f = c.finish();
    assert.equal(f.details.trustStore?.count, 1);
    assert.ok(f.details.notes.some((n) => /larger than/.test(n)));
    assert.equal(TlsCollector.roleOf({ name: "notes.txt", kind: "other" }), null);
    assert.equal(TlsCollector.roleOf({ name: "x/server_expc1_2026.pem", kind: "certificate" }), "server_pem");
  });
});
