import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { callSessionIds } from "@/lib/worker/call-session-ids";

// Lines from TN 212475 (tests/fixtures/sip/tn212475-search-404.ts): the 404's INFO summary line and
// the Session-ID header of its SIPMSG block.
const SUMMARY =
  'tvcs: UTCTime="2017-09-19 18:16:15,836" Module="network.sip" Level="INFO": Action="Sent" Detail=" Sending Response Code=404 , Method=INVITE, CSeq=1, Call-ID=9062bca7eca2afe71b4a225048ed5101@127.0.0.1, Msg-Hash=254718822158415175, Local-SessionID=00000000000000000000000000000000, Remote-SessionID=daf7c278732bb5a557fb57925dffcbf7"';
const BLOCK = "SIP/2.0 404 Not Found\nCall-ID: 9062bca7eca2afe71b4a225048ed5101 @127.0.0.1\nSession-ID: 5FD01C3E98A24B6D9E71C0F2A8B3D4E6;remote=daf7c278732bb5a557fb57925dffcbf7\nContent-Length: 0";

describe("callSessionIds", () => {
  it("reads the Session-ID header and the summary lines' session ids, lower case, never the all-zero id", () => {
    const ids = callSessionIds({ evidence: [{ file: "f", line: 1, text: SUMMARY }] }, [{ text: BLOCK }, { text: null }]);
    assert.deepEqual(ids.sort(), ["5fd01c3e98a24b6d9e71c0f2a8b3d4e6", "daf7c278732bb5a557fb57925dffcbf7"]);
  });

  it("gives nothing for a call without kept messages or session ids", () => {
    assert.deepEqual(callSessionIds({ evidence: [] }, null), []);
  });
});
