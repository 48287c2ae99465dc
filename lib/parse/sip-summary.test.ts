import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { isUsableSessionId, parseSipSummary } from "@/lib/parse/sip-summary";

describe("network.sip INFO summary", () => {
  it("reads a received request with padded values as TN 212475 shows them", () => {
    // TN 212475 (Webex Hybrid Call Service troubleshooting), Expressway-C receiving the INVITE
    const s = parseSipSummary(
      "Receive Request Method=INVITE, CSeq=1, Request-URI=sip:jorobb@rtp.ciscotac.net , Call-ID=9062bca7eca2afe71b4a225048ed5101@127.0.0.1, From-Tag=872524918, To-Tag=, Msg-Hash=11449260850208794722, Local-SessionID=daf7c278732bb5a557fb57925dffcbf7, Remote-SessionID=00000000000000000000000000000000",
    )!;
    assert.equal(s.verb, "receive_request");
    assert.equal(s.method, "INVITE");
    assert.equal(s.cseq, 1);
    assert.equal(s.requestUri, "sip:jorobb@rtp.ciscotac.net");
    assert.equal(s.callId, "9062bca7eca2afe71b4a225048ed5101@127.0.0.1");
    assert.equal(s.toTag, null);
    assert.equal(s.toTagSaid, true, "To-Tag= says the request is out of dialog");
    assert.equal(s.msgHash, "11449260850208794722");
    assert.equal(s.localSessionId, "daf7c278732bb5a557fb57925dffcbf7");
    assert.equal(isUsableSessionId(s.remoteSessionId), false);
  });

  it("reads a response code written with a space before its comma and a leading space", () => {
    const s = parseSipSummary(
      " Sending Response Code=404 , Method=INVITE, CSeq=1, To=sip:jorobb@rtp.ciscotac.net , Call-ID=9062bca7eca2afe71b4a225048ed5101@127.0.0.1, From-Tag=872524918, To-Tag=96b9a0eaf669a590, Msg-Hash=254718822158415175",
    )!;
    assert.equal(s.verb, "sending_response");
    assert.equal(s.code, 404);
    assert.equal(s.method, "INVITE");
    assert.equal(s.to, "sip:jorobb@rtp.ciscotac.net");
    assert.equal(s.toTag, "96b9a0eaf669a590");
    assert.equal(s.localSessionId, null);
  });

  it("reads the X8.10 REGISTER form with To= and no session ids (bluck7/expressway-mra-callflow)", () => {
    const s = parseSipSummary(
      "Receive Request Method=REGISTER, CSeq=1176, To=sip:7022@rcdn6-vm118-41.cisco.com, Call-ID=00ebd5d5-d8c60008-3d372b84-5f6b0fd9@10.89.106.35, From-Tag=00ebd5d5d8c6035e6dbee882-304060fa, To-Tag=, Msg-Hash=17912736280473840983",
    )!;
    assert.equal(s.method, "REGISTER");
    assert.equal(s.to, "sip:7022@rcdn6-vm118-41.cisco.com");
    assert.equal(s.requestUri, null);
  });

  it("keeps a comma inside a URI that no key follows, and refuses other details", () => {
    const s = parseSipSummary("Sending Request Method=INVITE, CSeq=2, Request-URI=sip:a@b;x=1,2, Call-ID=abc")!;
    assert.equal(s.requestUri, "sip:a@b;x=1,2");
    assert.equal(s.callId, "abc");
    assert.equal(s.toTag, null);
    assert.equal(s.toTagSaid, false, "a line without the key says nothing of the To tag");
    assert.equal(parseSipSummary("TCP Connecting"), null);
    assert.equal(parseSipSummary(""), null);
  });
});

describe("SIP summary keys", () => {
  it("takes the first value given for a key, steps over keys it does not read, and keeps commas inside URIs", () => {
    const s = parseSipSummary("Receive Request Method=INVITE, CSeq=7, Request-URI=sip:a,b@x.test, Via=v1, To-Tag=, Call-ID=c1@x, To-Tag=t2, Call-ID=c2@x, Msg-Hash=9");
    assert.ok(s);
    assert.equal(s.requestUri, "sip:a,b@x.test");
    assert.equal(s.callId, "c1@x");
    assert.equal(s.toTag, "t2", "an empty value does not hold the key's place");
    assert.equal(s.toTagSaid, true);
    assert.equal(s.msgHash, "9");
    assert.equal(s.cseq, 7);
  });
});
