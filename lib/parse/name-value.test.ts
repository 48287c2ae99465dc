import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { findValue, parseNameValues } from "@/lib/parse/name-value";

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
});
