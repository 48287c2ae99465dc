// Broken and hostile captures: never a throw out of push/end, never unbounded buffering, and a
// plain note saying what was wrong.
// Run: node --import tsx --test lib/capture/hostile-input.test.ts
import { before, describe, it } from "node:test";
import assert from "node:assert/strict";
import {
  frame,
  pcapHeader,
  pcapngBlock,
  pcapRecord,
  readCapture,
  recordTlsHandshake,
  testCerts,
  transcriptToPackets,
  writeCapture,
  type IpPacket,
} from "@/tests/fixtures/capture";
import { createCaptureReader } from "./capture-reader";
import { isoTime } from "./time";

let packets: IpPacket[];
let good: Buffer;

before(async () => {
  const t = await recordTlsHandshake({ serverCert: testCerts.cucmMs.cert, serverKey: testCerts.cucmMs.key, sni: "cucm.steven.lab", tls: "1.2" });
  packets = transcriptToPackets(t, { serverPort: 8443, split: 700 });
  good = writeCapture(packets);
});

/** A deterministic PRNG so a failing fuzz case can be replayed. */
function rng(seed: number) {
  let s = seed >>> 0;
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

const hasNote = (notes: string[], re: RegExp) => assert.ok(notes.some((n) => re.test(n)), `no note matching ${re}: ${notes.join(" | ")}`);

describe("not a capture", () => {
  it("says a file of garbage is not a pcap/pcapng file", () => {
    const s = readCapture(Buffer.from("this is a text log, not a capture\n".repeat(100)));
    hasNote(s.notes, /not a pcap\/pcapng file/);
    assert.equal(s.format, "unknown");
    assert.equal(s.readToEnd, false);
    assert.deepEqual(s.tlsSessions, []);
  });

  it("drops everything pushed after recognising garbage", () => {
    const r = createCaptureReader({ fileName: "junk.pcap" });
    r.push(Buffer.from("GARBAGE!"));
    r.push(Buffer.alloc(1 << 20));
    assert.equal(r.stats().queuedBytes, 0);
    hasNote(r.end().notes, /not a pcap\/pcapng file/);
  });

  it("says so for an empty file and for one too short to tell", () => {
    hasNote(readCapture(Buffer.alloc(0)).notes, /empty/);
    hasNote(readCapture(Buffer.from([0xd4, 0xc3])).notes, /not a pcap\/pcapng file \(too short\)/);
  });

  it("recognises a gzip-compressed capture and leaves it", () => {
    hasNote(readCapture(Buffer.from([0x1f, 0x8b, 8, 0, 0, 0, 0, 0])).notes, /gzip-compressed/);
  });

  it("ignores push after end and returns the same summary", () => {
    const r = createCaptureReader({ fileName: "x.pcap" });
    r.push(good);
    const first = r.end();
    r.push(good);
    assert.equal(r.end(), first);
    assert.equal(first.tlsSessions.length, 1);
  });
});

describe("truncated and lying captures", () => {
  it("survives the file being cut at any point and notes the incomplete packet", () => {
    for (let cut = 1; cut < good.length; cut += 97) {
      const s = readCapture(good.subarray(0, cut), { chunkBytes: 50 });
      assert.ok(Array.isArray(s.tlsSessions));
      if (cut > 24 && cut < good.length) assert.ok(s.notes.length > 0, `cut at ${cut}: expected a note`);
    }
    const mid = readCapture(good.subarray(0, 24 + 16 + 10));
    hasNote(mid.notes, /cut off: the last packet is incomplete/);
    hasNote(readCapture(good.subarray(0, 10)).notes, /ends inside its file header/);
  });

  it("stops at a record claiming an absurd captured length, without buffering for it", () => {
    const lie = Buffer.alloc(16);
    lie.writeUInt32LE(1_780_000_000, 0);
    lie.writeUInt32LE(10 * 1024 * 1024, 8); // 10 MiB "captured"
    lie.writeUInt32LE(10 * 1024 * 1024, 12);
    const r = createCaptureReader({ fileName: "lie.pcap" });
    r.push(Buffer.concat([good, lie]));
    r.push(Buffer.alloc(2 * 1024 * 1024, 0x55));
    assert.equal(r.stats().queuedBytes, 0);
    const s = r.end();
    assert.equal(s.readToEnd, false);
    hasNote(s.notes, /claims 10485760 captured bytes/);
    assert.equal(s.tlsSessions.length, 1, "what came before the lie is still reported");
  });

  it("notes a record whose length runs past the end of the file", () => {
    const lie = Buffer.alloc(16);
    lie.writeUInt32LE(1000, 8);
    lie.writeUInt32LE(1000, 12);
    const s = readCapture(Buffer.concat([good, lie, Buffer.alloc(100)]));
    hasNote(s.notes, /cut off/);
    assert.equal(s.tlsSessions.length, 1);
  });

  it("stops a pcapng file at an impossible block length", () => {
    const ng = writeCapture(packets, { format: "pcapng" });
    const bad = Buffer.alloc(12);
    bad.writeUInt32LE(6, 0);
    bad.writeUInt32LE(13, 4); // not a multiple of 4
    const s = readCapture(Buffer.concat([ng, bad, ng.subarray(0, 100)]));
    hasNote(s.notes, /impossible length/);
    assert.equal(s.readToEnd, false);
    assert.equal(s.tlsSessions.length, 1);
  });

  it("stops a pcapng file at a packet block claiming megabytes", () => {
    const ng = writeCapture(packets, { format: "pcapng" });
    const bad = Buffer.alloc(12);
    bad.writeUInt32LE(6, 0);
    bad.writeUInt32LE(64 * 1024 * 1024, 4);
    const r = createCaptureReader({ fileName: "x.pcapng" });
    r.push(Buffer.concat([ng, bad]));
    r.push(Buffer.alloc(1 << 20));
    assert.equal(r.stats().queuedBytes, 0);
    hasNote(r.end().notes, /packet block claims 67108864 bytes/);
  });

  it("stops a pcapng file whose trailing block length disagrees", () => {
    const ng = writeCapture(packets, { format: "pcapng" });
    const block = pcapngBlock(6, Buffer.alloc(40), true);
    block.writeUInt32LE(999, block.length - 4);
    hasNote(readCapture(Buffer.concat([ng, block])).notes, /trailing length/);
  });

  it("never throws on randomly corrupted captures in random chunk sizes", () => {
    const rand = rng(42);
    const formats = [good, writeCapture(packets, { format: "pcapng" }), writeCapture(packets, { linkType: 276, vlans: [] })];
    for (let i = 0; i < 600; i++) {
      const copy = Buffer.from(formats[i % formats.length]);
      const flips = 1 + Math.floor(rand() * 20);
      for (let f = 0; f < flips; f++) copy[Math.floor(rand() * copy.length)] = Math.floor(rand() * 256);
      const r = createCaptureReader({ fileName: `fuzz-${i}.pcap` });
      for (let p = 0; p < copy.length; ) {
        const n = 1 + Math.floor(rand() * 3000);
        r.push(copy.subarray(p, p + n));
        p += n;
      }
      const s = r.end();
      assert.ok(!s.notes.some((n) => /internal error|could not be processed/.test(n)), `fuzz case ${i}: ${s.notes.join(" | ")}`);
      assert.ok(s.stats.bufferedBytes >= 0);
      for (const t of s.tlsSessions) assert.equal(typeof t.firstPacketTime, "string");
    }
  });

  it("turns impossible timestamps into a marker instead of throwing", () => {
    assert.equal(isoTime(1.8e22), "invalid-time");
    assert.equal(isoTime(NaN), "invalid-time");
  });
});

describe("traffic that is not what it seems", () => {
  function plainConnection(port: number, client: string, server: string) {
    return transcriptToPackets(
      { entries: [{ from: "client", data: Buffer.from(client) }, { from: "server", data: Buffer.from(server) }, { from: "client", fin: true }, { from: "server", fin: true }] },
      { serverPort: port, clientPort: 50000 + port },
    );
  }

  it("ignores plaintext and random bytes on TLS ports", () => {
    const http = plainConnection(443, "GET / HTTP/1.1\r\nHost: x\r\n\r\n", "HTTP/1.1 200 OK\r\n\r\n");
    const junk = plainConnection(8443, "\x16\x03\x09 not really tls", "\x00\x01\x02");
    const sip = plainConnection(5061, "OPTIONS sip:x SIP/2.0\r\n\r\n", "SIP/2.0 200 OK\r\n\r\n");
    const s = readCapture(writeCapture([...http, ...junk, ...sip]));
    assert.deepEqual(s.tlsSessions, []);
    assert.deepEqual(s.notes, []);
    assert.equal(s.stats.flows, 3);
  });

  it("stops at a malformed record after a real handshake start and notes it", () => {
    const ch = Buffer.from([0x16, 0x03, 0x01, 0x00, 0x04, 0x01, 0x00, 0x00, 0x00]); // empty ClientHello
    const rubbish = Buffer.from([0x99, 0x03, 0x03, 0x00, 0x01, 0x00]);
    const pk = transcriptToPackets({ entries: [{ from: "client", data: Buffer.concat([ch, rubbish]) }] }, { serverPort: 443 });
    const s = readCapture(writeCapture(pk)).tlsSessions[0];
    hasNote(s.notes, /malformed ClientHello/);
    hasNote(s.notes, /malformed TLS record/);
  });

  it("skips IP fragments with a note", () => {
    const ip = Buffer.from(packets[3].ip);
    ip.writeUInt16BE(0x2000, 6); // more fragments
    const s = readCapture(Buffer.concat([pcapHeader({ linkType: 1, little: true }), pcapRecord(frame(ip, 1, true), 0, { little: true })]));
    hasNote(s.notes, /1 IP fragment\(s\) were skipped/);
  });

  it("skips packets cut before the end of their headers with a note", () => {
    const s = readCapture(writeCapture(packets.slice(0, 3), { snapLen: 30 }));
    hasNote(s.notes, /cut off before the end of their headers/);
    assert.equal(s.readToEnd, true);
  });
});
