import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { type LogEntry, LogReader } from "@/lib/parse/log-reader";

function read(text: string, options?: ConstructorParameters<typeof LogReader>[1]): LogEntry[] {
  const out: LogEntry[] = [];
  const r = new LogReader((e) => out.push(e), options);
  text.split("\n").forEach((l, i) => r.push(l, i + 1));
  r.end();
  return out;
}

describe("log reader (multi-line blocks)", () => {
  it("attaches HTTPMSG lines to their entry, strips the bar, and closes on a lone bar", () => {
    const entries = read(
      [
        '2024-03-05T04:12:52.314-05:00 expc1 traffic_server[2030]: Detail="Sending Request" Txn-id="181"',
        "HTTPMSG:",
        "|GET /cucm-uds/user/bwayne/devices HTTP/1.1",
        "|Host: cucm-pub.acme.test:8443",
        "|",
        "2024-03-05T04:12:52.324-05:00 expc1 tvcs: Event=\"x\"",
      ].join("\n"),
    );
    assert.equal(entries.length, 2);
    const b = entries[0].block!;
    assert.equal(b.marker, "HTTPMSG");
    assert.equal(b.firstLine, 3);
    assert.deepEqual(b.lines, ["GET /cucm-uds/user/bwayne/devices HTTP/1.1", "Host: cucm-pub.acme.test:8443"]);
    assert.equal(b.firstRaw, "|GET /cucm-uds/user/bwayne/devices HTTP/1.1");
    assert.equal(entries[1].block, null);
  });

  it("ends a block without a closing bar at the next timestamped line", () => {
    const entries = read(
      [
        '2024-03-05T04:12:52.398-05:00 expc1 traffic_server[2030]: Detail="Sending Response" Txn-id="182"',
        "HTTPMSG:",
        "|HTTP/1.1 502 connect failed",
        "|Content-Length: 0",
        "2024-03-05T04:12:52.400-05:00 expc1 traffic_server[2030]: [ET_NET 1] ERROR: x",
      ].join("\n"),
    );
    assert.equal(entries.length, 2);
    assert.deepEqual(entries[0].block!.lines, ["HTTP/1.1 502 connect failed", "Content-Length: 0"]);
    assert.equal(entries[1].line, 5);
  });

  it("keeps SIP lines that have no bar prefix", () => {
    const entries = read(
      [
        '2024-03-05T04:12:40.656-05:00 expc1 tvcs: Module="network.sip" Level="DEBUG":  Action="Received"',
        "SIPMSG:",
        "|OPTIONS sip:10.48.36.210:5061;transport=tls SIP/2.0",
        "Via: SIP/2.0/TLS 10.48.36.215:5061",
        "|",
      ].join("\n"),
    );
    assert.equal(entries[0].block!.marker, "SIPMSG");
    assert.equal(entries[0].block!.lineCount, 2);
    assert.equal(entries[0].block!.lines[1], "Via: SIP/2.0/TLS 10.48.36.215:5061");
  });

  it("counts but does not keep the lines of blocks it was told to skip", () => {
    const entries = read('2024-03-05T04:12:40.656-05:00 expc1 tvcs: A="1"\nSIPMSG:\n|a\n|b\n|', { keepBlock: (p) => p.process === "traffic_server" });
    assert.equal(entries[0].block!.lineCount, 2);
    assert.deepEqual(entries[0].block!.lines, []);
  });

  it("tolerates junk lines outside blocks", () => {
    const r = new LogReader(() => {});
    r.push("garbage", 1);
    r.push("|", 2);
    r.push("HTTPMSG:", 3);
    r.end();
    assert.equal(r.strayLines, 3);
  });
});
