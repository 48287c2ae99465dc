import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { parseSyslogPrefix, startsWithTimestamp } from "@/lib/parse/syslog-prefix";

describe("syslog prefix", () => {
  it("reads time, host, process and pid", () => {
    const line = '2024-03-05T04:12:52.358-05:00 expc1 traffic_server[2030]: [ET_NET 3] WARNING: x';
    const p = parseSyslogPrefix(line)!;
    assert.equal(p.timestamp, "2024-03-05T04:12:52.358-05:00");
    assert.equal(p.host, "expc1");
    assert.equal(p.process, "traffic_server");
    assert.equal(p.pid, "2030");
    assert.equal(line.slice(p.messageStart), "[ET_NET 3] WARNING: x");
  });

  it("accepts a missing pid and a missing colon", () => {
    const a = parseSyslogPrefix('2017-09-20T11:17:42.701-04:00 amer-expressway01 tvcs: Event="X"')!;
    assert.equal(a.process, "tvcs");
    assert.equal(a.pid, null);
    const b = parseSyslogPrefix('2017-09-20T11:17:42.701-04:00 vcs tvcs Event="X"')!;
    assert.equal(b.process, "tvcs");
    assert.equal('2017-09-20T11:17:42.701-04:00 vcs tvcs Event="X"'.slice(b.messageStart), 'Event="X"');
    const c = parseSyslogPrefix("2022-07-11T18:55:26.016+02:00 vcsc traffic_server[18242] [ET_NET 0] ERROR: y")!;
    assert.equal(c.pid, "18242");
    assert.equal(c.process, "traffic_server");
  });

  it("tolerates extra spaces and rejects junk", () => {
    const p = parseSyslogPrefix("2024-03-05T04:12:52.358-05:00  expc1   web:   hello")!;
    assert.equal(p.host, "expc1");
    assert.equal(p.process, "web");
    assert.equal(parseSyslogPrefix("SIPMSG:"), null);
    assert.equal(parseSyslogPrefix("|Host: x"), null);
    assert.equal(parseSyslogPrefix("2024-03-05T04:12:52.358-05:00"), null);
    assert.equal(startsWithTimestamp("Via: SIP/2.0/TLS"), false);
    assert.equal(startsWithTimestamp("2024-03-05T04:12:52"), true);
  });
});
