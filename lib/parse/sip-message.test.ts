import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { parseSipMessage, parseStartLine, startLineKind, startLineLabel } from "@/lib/parse/sip-message";

describe("SIP message parser", () => {
  it("reads a block in the leading-space layout with its SDP: media, codecs, crypto suites but no keys", () => {
    const m = parseSipMessage([
      " |INVITE sip:2002@example.com SIP/2.0",
      " Via: SIP/2.0/TLS 10.10.20.31:5061;branch=z9hG4bK1",
      " i: abc@10.10.20.31",
      " f: \"Room 12\" <sip:room12@example.com>;tag=31aa",
      " t: <sip:2002@example.com>",
      " CSeq: 1 INVITE",
      " User-Agent: TANDBERG/529 (ce9.15.3)",
      " Session-ID: a4c2e91d0b7f4e21b8c6f0a9d2e4c7b1;remote=00000000000000000000000000000000",
      " c: application/sdp",
      " ",
      " v=0",
      " c=IN IP4 10.10.20.31",
      " m=audio 2326 RTP/SAVP 114 0 101",
      " a=rtpmap:114 opus/48000/2",
      " a=rtpmap:0 PCMU/8000",
      " a=crypto:1 AES_CM_128_HMAC_SHA1_80 inline:SECRETKEYMATERIAL|2^48",
      " a=sendrecv",
    ]);
    assert.deepEqual(m.start, { kind: "request", method: "INVITE", uri: "sip:2002@example.com" });
    assert.equal(m.callId, "abc@10.10.20.31");
    assert.equal(m.from?.tag, "31aa");
    assert.equal(m.from?.display, "Room 12");
    assert.equal(m.to?.uri, "sip:2002@example.com");
    assert.deepEqual(m.cseq, { seq: 1, method: "INVITE" });
    assert.equal(m.sessionId?.local, "a4c2e91d0b7f4e21b8c6f0a9d2e4c7b1");
    assert.equal(m.sdp?.connection, "IN IP4 10.10.20.31");
    assert.deepEqual(m.sdp?.media, [{ type: "audio", port: 2326, proto: "RTP/SAVP", codecs: ["opus/48000/2", "PCMU/8000", "101"], crypto: ["AES_CM_128_HMAC_SHA1_80"], direction: "sendrecv" }]);
    assert.ok(!JSON.stringify(m).includes("SECRETKEYMATERIAL"));
  });

  it("reads a response whose rendered start line has the next header glued on (TN 212475)", () => {
    const m = parseSipMessage([" SIP/2.0 404 Not Found Via: SIP/2.0/TLS 192.168.1.6:7003;branch=z9hG4bKc8", "Call-ID: 9062bca7eca2afe71b4a225048ed5101 @127.0.0.1", 'Warning: 399 192.168.1.5:5061 "Policy Response"']);
    assert.deepEqual(m.start, { kind: "response", code: 404, reason: "Not Found" });
    assert.equal(m.callId, "9062bca7eca2afe71b4a225048ed5101@127.0.0.1");
    assert.equal(m.warning, '399 192.168.1.5:5061 "Policy Response"');
    assert.equal(startLineLabel(m.start), "404 Not Found");
  });

  it("names a malformed start line instead of throwing, and bounds a gigantic SDP", () => {
    assert.equal(parseStartLine("INVITE sip:x").kind, "unknown");
    assert.equal(parseStartLine("SIP/2.0 abc").kind, "unknown");
    assert.equal(parseSipMessage([]).start.kind, "unknown");
    const huge = ["|INVITE sip:a@b SIP/2.0", "Content-Type: application/sdp", "", ...Array.from({ length: 50_000 }, (_, i) => (i % 3 === 0 ? `m=audio ${i} RTP/AVP 0` : "a=rtpmap:0 PCMU/8000"))];
    const m = parseSipMessage(huge);
    assert.equal(m.sdp?.truncated, true);
    assert.ok(m.sdp!.media.length <= 16);
  });

  it("reads a start line's kind in place exactly as parseStartLine does", () => {
    const lines = [
      "INVITE sip:2002@example.com SIP/2.0",
      "  INVITE   sip:2002@example.com   SIP/2.0  ",
      "SIP/2.0 200 OK",
      "SIP/2.0   404",
      "SIP/2.0 404 ",
      "SIP/2.0 4041 Not Found",
      "SIP/2.0 20 OK",
      "SIP/2.0 488 Not Acceptable Here\rVia: x",
      "SIP/2.0 488\tNot Acceptable",
      "SIP/2.0200 OK",
      "sip/2.0 200 OK",
      "invite sip:a@b SIP/2.0",
      "I sip:a@b SIP/2.0",
      "IN sip:a@b SIP/2.0",
      "ABCDEFGHIJKLMNOPQRST sip:a@b SIP/2.0",
      "ABCDEFGHIJKLMNOPQRSTU sip:a@b SIP/2.0",
      "X-CUSTOM_M sip:a@b SIP/2.0",
      "INVITE sip:a@b SIP/2.0 extra",
      "INVITE sip:a@b SIP/2.1",
      "INVITE sip:a b SIP/2.0",
      "INVITE\tsip:a@b SIP/2.0",
      "INVITE sip:a@b\tSIP/2.0",
      "INVITE SIP/2.0",
      "INVITE  SIP/2.0",
      `INVITE sip:${"a".repeat(1024)} SIP/2.0`,
      `INVITE sip:${"a".repeat(1025)} SIP/2.0`,
      "INVITE sip:a@bSIP/2.0",
      "",
      "   ",
      "|",
      "\u00a0INVITE sip:a@b SIP/2.0\u00a0",
      "ACK sip:a@b SIP/2.0\r",
    ];
    for (const line of lines) assert.equal(startLineKind(line), parseStartLine(line).kind, JSON.stringify(line));
  });
});
