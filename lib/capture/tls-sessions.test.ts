// What the reader reports about real TLS handshakes (recorded in-process with node:tls): the
// certificate each server presented per port, TLS 1.3 opacity, alerts, mutual TLS, STARTTLS.
// Run: node --import tsx --test lib/capture/tls-sessions.test.ts
import { describe, it } from "node:test";
import assert from "node:assert/strict";
import { buildTlsCapture, buildTlsPackets, mergePackets, readCapture, testCerts, transcriptToPackets, writeCapture } from "@/tests/fixtures/capture";
import { describeCertificate } from "./certificate";
import type { TlsSessionReport } from "./types";

const cn = (der: Buffer) => describeCertificate(der)?.subjectCN;

function only(sessions: TlsSessionReport[]): TlsSessionReport {
  assert.equal(sessions.length, 1, `expected one session, got ${sessions.length}`);
  return sessions[0];
}

describe("TLS sessions from real handshakes", () => {
  it("shows which certificate the server presented on 8443 and on 6972", async () => {
    const server = "10.10.20.21";
    const ms = await buildTlsPackets({
      serverCert: testCerts.cucmMs.cert,
      serverKey: testCerts.cucmMs.key,
      sni: "cucm.steven.lab",
      tls: "1.2",
      serverIp: server,
      serverPort: 8443,
      clientPort: 40001,
      startMs: Date.UTC(2026, 5, 1, 12, 0, 0),
    });
    const ec = await buildTlsPackets({
      serverCert: testCerts.cucmEc.cert,
      serverKey: testCerts.cucmEc.key,
      sni: "cucm.steven.lab",
      tls: "1.2",
      serverIp: server,
      serverPort: 6972,
      clientPort: 40002,
      startMs: Date.UTC(2026, 5, 1, 12, 0, 0, 5),
    });
    const summary = readCapture(writeCapture(mergePackets(ms.packets, ec.packets)));
    assert.equal(summary.tlsSessions.length, 2);
    const byPort = new Map(summary.tlsSessions.map((s) => [s.server.port, s]));

    const s8443 = byPort.get(8443)!;
    assert.equal(s8443.server.ip, server);
    assert.equal(s8443.client.port, 40001);
    assert.equal(s8443.certificateVisibility, "visible");
    const leaf = describeCertificate(s8443.certificates[0], s8443.lastPacketTime)!;
    assert.equal(leaf.subjectCN, "cucm-ms.steven.lab");
    assert.deepEqual(leaf.sanDns, ["cups.steven.lab", "steven.lab", "cucm.steven.lab"]);
    assert.equal(leaf.issuerCN, "Steven Lab Root CA");
    assert.equal(leaf.keyType, "RSA");
    assert.equal(leaf.selfSigned, false);
    assert.match(s8443.cipherSuite!, /^TLS_ECDHE_RSA_WITH_/);

    const s6972 = byPort.get(6972)!;
    const ecLeaf = describeCertificate(s6972.certificates[0], s6972.lastPacketTime)!;
    assert.equal(ecLeaf.subjectCN, "cucm-EC.steven.lab");
    assert.equal(ecLeaf.selfSigned, true);
    assert.equal(ecLeaf.keyType, "EC");
    assert.equal(ecLeaf.curve, "prime256v1");
    assert.match(s6972.cipherSuite!, /^TLS_ECDHE_ECDSA_WITH_/);

    for (const s of summary.tlsSessions) {
      assert.equal(s.sni, "cucm.steven.lab");
      assert.equal(s.version, "TLS 1.2");
      assert.equal(s.captureFile, summary.fileName);
      assert.ok(s.firstPacketTime <= s.lastPacketTime);
    }
    assert.equal(s8443.firstPacketTime, "2026-06-01T12:00:00.000Z");
  });

  it("reports TLS 1.3 with version, cipher and SNI but says the certificate is not visible", async () => {
    const { capture } = await buildTlsCapture({
      serverCert: testCerts.cucmMs.cert,
      serverKey: testCerts.cucmMs.key,
      sni: "cups.steven.lab",
      tls: "1.3",
      alpn: ["h2", "http/1.1"],
    });
    const s = only(readCapture(capture).tlsSessions);
    assert.equal(s.version, "TLS 1.3");
    assert.deepEqual(s.offeredVersions, ["TLS 1.3", "TLS 1.2"]);
    assert.match(s.cipherSuite!, /^TLS_AES_|^TLS_CHACHA20_/);
    assert.equal(s.sni, "cups.steven.lab");
    assert.equal(s.certificateVisibility, "tls13");
    assert.deepEqual(s.certificates, []);
    assert.ok(s.notes.includes("certificate not visible: TLS 1.3"));
    assert.deepEqual(s.alpnOffered, ["h2", "http/1.1"]);
    assert.equal(s.alpn, undefined, "TLS 1.3 carries the chosen protocol in encrypted extensions");
  });

  it("reports the whole chain as sent, leaf first, and the chosen ALPN in TLS 1.2", async () => {
    const { capture } = await buildTlsCapture({
      serverCert: testCerts.expe.cert,
      serverKey: testCerts.expe.key,
      serverChain: [testCerts.intermediate],
      tls: "1.2",
      alpn: ["http/1.1"],
    });
    const s = only(readCapture(capture).tlsSessions);
    assert.equal(s.alpn, "http/1.1");
    assert.deepEqual(s.certificates.map(cn), ["expe.steven.lab", "Steven Lab Issuing CA"]);
  });

  it("records a client that rejects an unknown CA with a fatal unknown_ca alert", async () => {
    const { capture } = await buildTlsCapture({
      serverCert: testCerts.cucmEc.cert,
      serverKey: testCerts.cucmEc.key,
      tls: "1.2",
      clientRejectsWith: 48,
    });
    const s = only(readCapture(capture).tlsSessions);
    assert.equal(s.alerts.length, 1);
    assert.deepEqual(
      { from: s.alerts[0].from, level: s.alerts[0].level, description: s.alerts[0].description, code: s.alerts[0].code },
      { from: "client", level: "fatal", description: "unknown_ca(48)", code: 48 },
    );
    // The certificate the client refused is still there to look at.
    assert.equal(cn(s.certificates[0]), "cucm-EC.steven.lab");
  });

  it("records the server's handshake_failure when no cipher suite is shared", async () => {
    const { capture, transcript } = await buildTlsCapture({
      serverCert: testCerts.cucmEc.cert,
      serverKey: testCerts.cucmEc.key,
      tls: "1.2",
      clientCiphers: "AES128-SHA",
      serverCiphers: "ECDHE-ECDSA-AES128-GCM-SHA256",
    });
    assert.ok(transcript.serverError || transcript.clientError, "the handshake should fail");
    const s = only(readCapture(capture).tlsSessions);
    assert.equal(s.alerts[0]?.from, "server");
    assert.equal(s.alerts[0]?.description, "handshake_failure(40)");
    assert.equal(s.version, undefined);
    assert.equal(s.certificateVisibility, "not-seen");
  });

  it("records the server's protocol_version alert when the client offers only TLS 1.2", async () => {
    const { capture } = await buildTlsCapture({
      serverCert: testCerts.cucmMs.cert,
      serverKey: testCerts.cucmMs.key,
      tls: "1.2",
      serverMinVersion: "TLSv1.3",
    });
    const s = only(readCapture(capture).tlsSessions);
    assert.deepEqual(s.offeredVersions, ["TLS 1.2"]);
    assert.equal(s.alerts[0]?.description, "protocol_version(70)");
  });

  it("keeps a client certificate sent for mutual TLS apart from the server's", async () => {
    const { capture } = await buildTlsCapture({
      serverCert: testCerts.cucmMs.cert,
      serverKey: testCerts.cucmMs.key,
      clientAuth: testCerts.expe,
      tls: "1.2",
    });
    const s = only(readCapture(capture).tlsSessions);
    assert.equal(cn(s.certificates[0]), "cucm-ms.steven.lab");
    assert.equal(cn(s.clientCertificates[0]), "expe.steven.lab");
  });

  it("identifies client and server by the ClientHello even without the SYN", async () => {
    const { capture } = await buildTlsCapture({
      serverCert: testCerts.cucmMs.cert,
      serverKey: testCerts.cucmMs.key,
      tls: "1.2",
      noSyn: true,
      clientPort: 5061,
      serverPort: 65000,
    });
    const s = only(readCapture(capture).tlsSessions);
    assert.equal(s.server.port, 65000);
    assert.equal(s.client.port, 5061);
    assert.equal(cn(s.certificates[0]), "cucm-ms.steven.lab");
  });

  it("finds a handshake that starts after plaintext (STARTTLS)", async () => {
    const { transcript } = await buildTlsPackets({ serverCert: testCerts.cucmMs.cert, serverKey: testCerts.cucmMs.key, tls: "1.2" });
    const xmpp = {
      entries: [
        { from: "client" as const, data: Buffer.from("<stream:stream to='steven.lab'><starttls xmlns='urn:ietf:params:xml:ns:xmpp-tls'/>") },
        { from: "server" as const, data: Buffer.from("<stream:stream from='steven.lab'><proceed xmlns='urn:ietf:params:xml:ns:xmpp-tls'/>") },
        ...transcript.entries,
      ],
    };
    const s = only(readCapture(writeCapture(transcriptToPackets(xmpp, { serverPort: 5222 }))).tlsSessions);
    assert.equal(s.startTls, true);
    assert.equal(s.server.port, 5222);
    assert.equal(cn(s.certificates[0]), "cucm-ms.steven.lab");
  });

  it("follows a TLS 1.3 HelloRetryRequest to the real ServerHello", async () => {
    const { capture, transcript } = await buildTlsCapture({
      serverCert: testCerts.cucmMs.cert,
      serverKey: testCerts.cucmMs.key,
      sni: "cucm.steven.lab",
      tls: "1.3",
      serverEcdhCurve: "P-384",
    });
    const firstServerWrite = transcript.entries.find((e) => e.from === "server" && e.data)!.data!;
    const HRR_RANDOM = "cf21ad74e59a6111be1d8c021e65b891c2a211167abb8c5e079e09e2c8a8339c";
    assert.equal(firstServerWrite.subarray(11, 43).toString("hex"), HRR_RANDOM, "the server should answer with a HelloRetryRequest");
    const s = only(readCapture(capture).tlsSessions);
    assert.equal(s.version, "TLS 1.3");
    assert.equal(s.certificateVisibility, "tls13");
    assert.deepEqual(s.alerts, []);
  });

  it("says a resumed TLS 1.2 session sent no certificate", async () => {
    const first = await buildTlsPackets({ serverCert: testCerts.cucmMs.cert, serverKey: testCerts.cucmMs.key, tls: "1.2", sni: "cucm.steven.lab" });
    assert.ok(first.transcript.session, "the first connection yields a session");
    const second = await buildTlsPackets({
      serverCert: testCerts.cucmMs.cert,
      serverKey: testCerts.cucmMs.key,
      tls: "1.2",
      sni: "cucm.steven.lab",
      resumeSession: first.transcript.session,
      clientPort: 40005,
      startMs: Date.UTC(2026, 5, 1, 13),
    });
    const sessions = readCapture(writeCapture(mergePackets(first.packets, second.packets))).tlsSessions;
    assert.equal(sessions.length, 2);
    const resumed = sessions.find((s) => s.client.port === 40005)!;
    assert.equal(resumed.certificateVisibility, "resumed");
    assert.ok(resumed.notes.some((n) => /resumed/.test(n)));
    assert.equal(sessions.find((s) => s.client.port !== 40005)!.certificateVisibility, "visible");
  });
});
