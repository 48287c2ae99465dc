// TCP reassembly under the conditions real captures have: tiny segments, reordering,
// retransmissions with overlap, lost bytes and packets cut by the snap length.
// Run: node --import tsx --test lib/capture/tcp-reassembly.test.ts
import { describe, it } from "node:test";
import assert from "node:assert/strict";
import { buildTlsCapture, readCapture, testCerts, transcriptToPackets, writeCapture, type TlsCaptureOptions } from "@/tests/fixtures/capture";
import { describeCertificate } from "./certificate";
import { ByteBudget } from "./budget";
import { TcpStream, type StreamConsumer } from "./tcp-stream";

const base: TlsCaptureOptions = { serverCert: testCerts.cucmMs.cert, serverKey: testCerts.cucmMs.key, sni: "cucm.steven.lab", tls: "1.2" };

async function session(extra: Partial<TlsCaptureOptions>, chunkBytes?: number) {
  const { capture } = await buildTlsCapture({ ...base, ...extra });
  const summary = readCapture(capture, { chunkBytes });
  assert.equal(summary.tlsSessions.length, 1);
  return { summary, s: summary.tlsSessions[0] };
}

function leafCn(certs: Buffer[]) {
  return certs[0] ? describeCertificate(certs[0])?.subjectCN : undefined;
}

describe("TCP reassembly into TLS", () => {
  it("reassembles records from 1-byte segments", async () => {
    const { s, summary } = await session({ split: 1 }, 777);
    assert.equal(leafCn(s.certificates), "cucm-ms.steven.lab");
    assert.equal(s.sni, "cucm.steven.lab");
    assert.deepEqual(s.notes, []);
    assert.equal(summary.stats.bufferedBytes, 0);
  });

  it("reassembles records from 100-byte segments fed 1 byte at a time", async () => {
    const { s } = await session({ split: 100 }, 1);
    assert.equal(leafCn(s.certificates), "cucm-ms.steven.lab");
  });

  it("puts out-of-order segments back in order", async () => {
    const { s } = await session({ split: 100, reorder: true });
    assert.equal(leafCn(s.certificates), "cucm-ms.steven.lab");
    assert.equal(s.version, "TLS 1.2");
    assert.deepEqual(s.notes, []);
  });

  it("ignores retransmissions and trims overlapping segments", async () => {
    const { s } = await session({ split: 300, retransmit: true });
    assert.equal(leafCn(s.certificates), "cucm-ms.steven.lab");
    assert.deepEqual(s.alerts, []);
    assert.deepEqual(s.notes, []);
  });

  it("copes with reordering and retransmission together", async () => {
    const { s } = await session({ split: 64, reorder: true, retransmit: true });
    assert.equal(leafCn(s.certificates), "cucm-ms.steven.lab");
  });

  it("stops the direction at lost bytes and says so, keeping what came before", async () => {
    // Server segment 3 (of ~100-byte pieces) is inside the Certificate message.
    const { s } = await session({ split: 100, drop: { from: "server", segment: 3 } });
    assert.equal(s.version, "TLS 1.2", "the ServerHello came before the loss");
    assert.equal(s.certificateVisibility, "not-seen");
    assert.deepEqual(s.certificates, []);
    assert.ok(s.notes.some((n) => /server → client: .*missing .*after 300 bytes/.test(n)), s.notes.join(" | "));
  });

  it("notices lost bytes at the end of the capture even without an acknowledgement", async () => {
    const { packets } = await buildTlsCapture({ ...base, split: 100, drop: { from: "server", segment: 3 } });
    // Drop everything the client sent after the server started talking: no ACK covers the hole.
    const fromClient = (ip: Buffer) => ip[12] === 192;
    const firstServerData = packets.findIndex((p) => !fromClient(p.ip) && p.ip.length > 40);
    const kept = packets.filter((p, i) => i < firstServerData || !fromClient(p.ip));
    const s = readCapture(writeCapture(kept)).tlsSessions[0];
    assert.equal(s.version, "TLS 1.2");
    assert.equal(s.certificateVisibility, "not-seen");
    assert.ok(s.notes.some((n) => /never appeared in the capture/.test(n)), s.notes.join(" | "));
  });

  it("parses what a snap length left and notes the cut", async () => {
    const { s, summary } = await (async () => {
      const { capture } = await buildTlsCapture({ ...base, snapLen: 400 });
      const summary = readCapture(capture);
      return { summary, s: summary.tlsSessions[0] };
    })();
    assert.equal(summary.readToEnd, true);
    assert.equal(s.sni, "cucm.steven.lab", "the ClientHello fits in 400 bytes");
    assert.equal(s.version, "TLS 1.2", "the ServerHello is at the start of the cut segment");
    assert.equal(s.certificateVisibility, "not-seen");
    assert.ok(s.notes.some((n) => /snap length/.test(n)), s.notes.join(" | "));
  });
});

describe("connections on reused ports", () => {
  it("treats a new SYN after data on the same ports as a new connection", async () => {
    const first = await buildTlsCapture({ ...base, serverCert: testCerts.cucmEc.cert, serverKey: testCerts.cucmEc.key, clientPort: 50123, serverPort: 5061 });
    // The first connection's FINs were never captured.
    const noFin = transcriptToPackets({ entries: first.transcript.entries.filter((e) => !e.fin) }, { clientPort: 50123, serverPort: 5061 });
    const second = transcriptToPackets((await buildTlsCapture({ ...base })).transcript, {
      clientPort: 50123,
      serverPort: 5061,
      startMs: Date.UTC(2026, 5, 1, 13),
      clientIsn: 0x2000_0000,
    });
    const summary = readCapture(writeCapture([...noFin, ...second]));
    assert.deepEqual(
      summary.tlsSessions.map((s) => leafCn(s.certificates)),
      ["cucm-EC.steven.lab", "cucm-ms.steven.lab"],
    );
  });
});

describe("TcpStream", () => {
  function collector(): StreamConsumer & { got: Buffer[]; gaps: string[] } {
    const got: Buffer[] = [];
    const gaps: string[] = [];
    return { got, gaps, wantsMore: () => true, data: (d) => void got.push(Buffer.from(d)), gap: (_at, why) => void gaps.push(why) };
  }

  it("delivers bytes across sequence-number wrap-around", () => {
    const c = collector();
    const s = new TcpStream(c, new ByteBudget(1 << 20), 1 << 20);
    s.syn(0xfffffffd); // next is 0xfffffffe
    s.segment(0x00000000, Buffer.from("Xcd"), 0); // after the wrap, early
    s.segment(0xfffffffe, Buffer.from("ab!"), 0); // fills the hole; "X" overlaps "!"
    s.segment(0xfffffffe, Buffer.from("ab"), 0); // retransmission
    assert.equal(Buffer.concat(c.got).toString(), "ab!cd");
    assert.deepEqual(c.gaps, []);
  });

  it("keeps only the first maxBytes of a direction and releases held segments", () => {
    const c = collector();
    const budget = new ByteBudget(1 << 20);
    const s = new TcpStream(c, budget, 10);
    s.segment(100, Buffer.alloc(8, 1), 0);
    s.segment(120, Buffer.alloc(8, 3), 0); // beyond the window: never held
    assert.equal(budget.used, 0);
    s.segment(108, Buffer.alloc(8, 2), 0);
    assert.equal(Buffer.concat(c.got).length, 10);
    assert.equal(s.active, false);
  });

  it("reports a gap when held segments exceed the shared budget", () => {
    const c = collector();
    const budget = new ByteBudget(100);
    const s = new TcpStream(c, budget, 1 << 20);
    s.segment(0, Buffer.alloc(10), 0);
    s.segment(50, Buffer.alloc(80), 0);
    s.segment(200, Buffer.alloc(80), 0);
    assert.equal(c.gaps.length, 1);
    assert.equal(budget.used, 0, "stopping releases what was held");
  });
});
