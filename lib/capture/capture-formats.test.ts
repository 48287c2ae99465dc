// Every container and link layer the reader accepts yields the same TLS session: pcap in both
// byte orders and with nanosecond timestamps, pcapng (enhanced/simple blocks, unknown blocks,
// big-endian, if_tsresol), Ethernet with VLAN/QinQ tags, Linux cooked v1/v2, raw IP, loopback,
// IPv4 options, IPv6 with extension headers.
// Run: node --import tsx --test lib/capture/capture-formats.test.ts
import { before, describe, it } from "node:test";
import assert from "node:assert/strict";
import {
  readCapture,
  recordTlsHandshake,
  testCerts,
  transcriptToPackets,
  writeCapture,
  type IpPacket,
  type Transcript,
  type WriteOptions,
} from "@/tests/fixtures/capture";
import { describeCertificate } from "./certificate";

const START = Date.UTC(2026, 5, 1, 12, 0, 0, 123);
let transcript: Transcript;
let v4: IpPacket[];
let v6: IpPacket[];

before(async () => {
  transcript = await recordTlsHandshake({ serverCert: testCerts.cucmMs.cert, serverKey: testCerts.cucmMs.key, sni: "cucm.steven.lab", tls: "1.2" });
  v4 = transcriptToPackets(transcript, { startMs: START, serverPort: 8443, split: 500 });
  v6 = transcriptToPackets(transcript, { startMs: START, serverPort: 8443, split: 500, clientIp: "2001:db8::10", serverIp: "2001:db8:0:20::21" });
});

function assertSession(packets: IpPacket[] | null, o: WriteOptions, server = "10.10.20.21") {
  const capture = writeCapture(packets ?? v4, o);
  const summary = readCapture(capture, { chunkBytes: 333 });
  assert.deepEqual(summary.notes, []);
  assert.equal(summary.readToEnd, true);
  assert.equal(summary.format, o.format ?? "pcap");
  assert.deepEqual(summary.linkTypes, [o.linkType ?? 1]);
  assert.equal(summary.tlsSessions.length, 1);
  const s = summary.tlsSessions[0];
  assert.equal(s.server.ip, server);
  assert.equal(s.server.port, 8443);
  assert.equal(s.sni, "cucm.steven.lab");
  assert.equal(describeCertificate(s.certificates[0])?.subjectCN, "cucm-ms.steven.lab");
  assert.equal(s.firstPacketTime, "2026-06-01T12:00:00.123Z");
  return summary;
}

describe("capture containers", () => {
  it("reads little-endian pcap", () => {
    assert.equal(assertSession(null, { byteOrder: "little" }).byteOrder, "little");
  });
  it("reads big-endian pcap", () => {
    assert.equal(assertSession(null, { byteOrder: "big" }).byteOrder, "big");
  });
  it("reads nanosecond pcap in both byte orders", () => {
    assertSession(null, { nanos: true });
    assertSession(null, { nanos: true, byteOrder: "big" });
  });
  it("reads pcapng with enhanced packet blocks in both byte orders", () => {
    assert.equal(assertSession(null, { format: "pcapng" }).byteOrder, "little");
    assert.equal(assertSession(null, { format: "pcapng", byteOrder: "big" }).byteOrder, "big");
  });
  it("honours the pcapng interface timestamp resolution", () => {
    assertSession(null, { format: "pcapng", nanos: true });
  });
  it("skips pcapng blocks it does not know", () => {
    assertSession(null, { format: "pcapng", unknownBlocks: true });
  });
  it("reads pcapng simple packet blocks", () => {
    const summary = readCapture(writeCapture(v4, { format: "pcapng", simpleBlocks: true }));
    assert.equal(summary.tlsSessions.length, 1);
    assert.equal(describeCertificate(summary.tlsSessions[0].certificates[0])?.subjectCN, "cucm-ms.steven.lab");
  });
});

describe("link layers", () => {
  for (const [name, linkType] of [
    ["Ethernet", 1],
    ["Linux cooked (SLL)", 113],
    ["Linux cooked v2 (SLL2)", 276],
    ["raw IP (101)", 101],
    ["raw IP (DLT 12)", 12],
    ["raw IP (DLT 14)", 14],
    ["BSD loopback (NULL)", 0],
    ["OpenBSD loopback (LOOP)", 108],
  ] as const) {
    it(`reads ${name} over IPv4 and IPv6`, () => {
      assertSession(null, { linkType });
      assertSession(v6, { linkType }, "2001:db8:0:20::21");
    });
  }
  it("reads NULL loopback written by a big-endian host", () => {
    assertSession(null, { linkType: 0, byteOrder: "big" });
  });
  it("skips one 802.1Q tag", () => {
    assertSession(null, { vlans: [20] });
  });
  it("skips QinQ double tags", () => {
    assertSession(v6, { vlans: [100, 20] }, "2001:db8:0:20::21");
  });
  it("skips IPv4 options", () => {
    assertSession(transcriptToPackets(transcript, { startMs: START, serverPort: 8443, ipv4Options: true }), {});
  });
  it("walks IPv6 extension headers", () => {
    assertSession(
      transcriptToPackets(transcript, { startMs: START, serverPort: 8443, clientIp: "2001:db8::10", serverIp: "2001:db8:0:20::21", ipv6ExtensionHeaders: true }),
      { linkType: 276 },
      "2001:db8:0:20::21",
    );
  });
  it("notes packets of a link type it cannot read instead of failing", () => {
    const summary = readCapture(writeCapture(v4, { linkType: 105 }));
    assert.equal(summary.tlsSessions.length, 0);
    assert.ok(summary.notes.some((n) => /link type IEEE 802\.11 \(105\) were skipped/.test(n)), summary.notes.join(" | "));
  });
});
