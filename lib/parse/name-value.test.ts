import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { findValue, findValues, parseNameValues } from "@/lib/parse/name-value";

describe("Name=\"value\" pairs", () => {
  it("reads pairs with spaces in values and a colon after Level", () => {
    const line = 'UTCTime="2024-03-05 09:12:52,314" Module="network.http.trafficserver" Level="DEBUG": Detail="Sending Request" Txn-id="181" Dst-ip="192.0.2.10" Dst-port="8443"';
    const v = parseNameValues(line);
    assert.equal(v.UTCTime, "2024-03-05 09:12:52,314");
    assert.equal(v.Level, "DEBUG");
    assert.equal(v.Detail, "Sending Request");
    assert.equal(v["Txn-id"], "181");
    assert.equal(v["Dst-port"], "8443");
  });

  it("copes with varied spacing, no colon, and values with colons and apostrophes", () => {
    const v = parseNameValues('Level="DEBUG"  Action="Received"   Detail="Peer\'s TLS certificate: unacceptable" Request-url="https://h:8443/a?b=c"');
    assert.equal(v.Action, "Received");
    assert.equal(v.Detail, "Peer's TLS certificate: unacceptable");
    assert.equal(v["Request-url"], "https://h:8443/a?b=c");
  });

  it("keeps an unterminated value and ignores junk", () => {
    const v = parseNameValues('junk == "x" Name="abc def');
    assert.equal(v.Name, "abc def");
    assert.deepEqual(Object.keys(parseNameValues("no pairs here")), []);
  });

  it("finds one value without parsing the line", () => {
    const line = 'Detail="Receive Request" Txn-id="3028" XTxn-id="9"';
    assert.equal(findValue(line, "Txn-id"), "3028");
    assert.equal(findValue(line, "Missing"), null);
  });

  it("reads several names in one pass exactly as findValue reads each", () => {
    const names = ["Module", "Action", "Src-ip", "Src-port", "Dst-ip", "Dst-port", "Local-ip", "Local-port", "Msg-Hash", "Detail", "ip"];
    const lines = [
      // TN 212475's INFO summary line, and its DEBUG line with Msg-Hash
      '2016-01-26T13:53:11.927+01:00 vcsc tvcs: UTCTime="2016-01-26 12:53:11,927" Module="network.sip" Level="INFO":  Action="Received" Local-ip="10.48.36.12" Local-port="5060" Src-ip="10.48.36.45" Src-port="5060" Detail="Receive Request Method=INVITE, CSeq=1, Request-URI=sip:jorobb@rtp.ciscotac.net , Call-ID=8c9d"',
      '2016-01-26T13:53:11.927+01:00 vcsc tvcs: UTCTime="2016-01-26 12:53:11,927" Module="network.sip" Level="DEBUG":  Action="Sent" Local-ip="10.48.36.12" Local-port="25000" Dst-ip="10.48.36.45" Dst-port="5060" Msg-Hash="3512412951371346342"',
      'x Src-ip="a" Src-ip="b" XSrc-ip="c"',
      'XSrc-ip="c" Src-ip="d"',
      'Detail="Src-ip="inside" more" Src-ip="outside"',
      'Detail="unterminated Src-ip="x',
      'Local-ip="" Local-port=" 5061 " ip="1" Dst-ip="2"',
      '="orphan" Action="Sent"',
      "no pairs here",
      'Module="network.sip":Action="Received",Src-ip="1.2.3.4"\tDst-ip="5.6.7.8"',
    ];
    const out: (string | null)[] = [];
    for (const line of lines) {
      for (const start of [0, 5, 30, line.length]) {
        findValues(line, start, names, out);
        assert.deepEqual(out, names.map((n) => findValue(line, n, start)), `${line} @${start}`);
      }
    }
  });
});
