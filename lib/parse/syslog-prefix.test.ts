import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { parseSyslogPrefix, stampMs, startsWithTimestamp } from "@/lib/parse/syslog-prefix";

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

describe("syslog prefix in the real layouts", () => {
  it("reads a process token glued to its message (traffic_server[2030]:[ET_NET 1]WARNING:...)", () => {
    const line = "2026-01-29T14:01:16.974-05:00 exp-c traffic_server[2030]:[ET_NET 1]ERROR:SSL connection failed for 'expc.cisco.com':error:14094418: SSL routines:ssl3_read_bytes:tlsv1 alert unknown ca";
    const p = parseSyslogPrefix(line)!;
    assert.equal(p.process, "traffic_server");
    assert.equal(p.pid, "2030");
    assert.ok(line.slice(p.messageStart).startsWith("[ET_NET 1]ERROR:SSL connection failed"));
  });

  it("gives an empty process for a line with no process token, the message starting at the first pair", () => {
    const line = '2020-08-12T14:57:43.354-05:00 expc01 UTCTime="2020-08-12 19:57:43,353" Module="developer.clusterdb.cdb" Level="ERROR" Detail="Inconsistent Database"';
    const p = parseSyslogPrefix(line)!;
    assert.equal(p.host, "expc01");
    assert.equal(p.process, "");
    assert.ok(line.slice(p.messageStart).startsWith('UTCTime="2020-08-12'));
  });

  it("reads a stamp without milliseconds and a process without a colon", () => {
    const line = '2014-09-25T13:46:20-04:00 RTP-TBTP-EXPRWY-C edgeconfigprovisioning UTCTime="2014-09-25 17:46:20,92" Module="network.http.edgeconfigprovisioning"';
    const p = parseSyslogPrefix(line)!;
    assert.equal(p.timestamp, "2014-09-25T13:46:20-04:00");
    assert.equal(p.process, "edgeconfigprovisioning");
    assert.ok(line.slice(p.messageStart).startsWith("UTCTime="));
  });

  it("skips a relayed second token (tvcs: tvcs:, httpd[pid]: web:) but not a native level", () => {
    const a = '2020-08-12T15:13:24.976-05:00 expc01 tvcs: tvcs: UTCTime="x" Module="network.sip"';
    assert.ok(a.slice(parseSyslogPrefix(a)!.messageStart).startsWith("UTCTime="));
    const b = '2020-08-12T15:13:24.976-05:00 expc01 httpd[15060]: web: Event="System Configuration Changed" Level="1"';
    const pb = parseSyslogPrefix(b)!;
    assert.equal(pb.process, "httpd");
    assert.ok(b.slice(pb.messageStart).startsWith("Event="));
    const c = "2022-07-11T18:55:26.016+02:00 vcsc traffic_server[18242]: WARNING: Core server certificate verification failed for (x).";
    assert.ok(c.slice(parseSyslogPrefix(c)!.messageStart).startsWith("WARNING: Core"));
  });

  it("is no prefix when a pair follows the time directly", () => {
    assert.equal(parseSyslogPrefix('2020-08-12T14:57:43.354-05:00 UTCTime="2020-08-12 19:57:43,353" Module="x"'), null);
  });
});

describe("syslog timestamps as epoch ms", () => {
  it("reads a syslog timestamp's epoch ms as Date.parse does, however its second and zone change", () => {
    const stamps = [
      "2024-03-05T09:12:40.170+01:00",
      "2024-03-05T09:12:40.171+01:00",
      "2024-03-05T09:12:40.999+01:00",
      "2024-03-05T09:12:41.000+01:00",
      "2024-03-05T09:12:41.000+02:00",
      "2024-03-05T09:12:41.000Z",
      "2024-03-05T09:12:41.005Z",
      "2024-03-05T09:12:41.005",
      "2024-03-05T09:12:41.0051+01:00",
      "2024-03-05T09:12:41.5+01:00",
      "2024-03-05T09:12:41+01:00",
      "2024-03-05 09:12:41.005+01:00",
      "2024-02-30T09:12:41.005+01:00",
      "2024-03-05T25:12:41.005+01:00",
      "not a time",
      "2024-03-05T09:12:41.0x5+01:00",
      "2024-03-05T09:12:41.005+01:00",
    ];
    for (const ts of stamps) assert.equal(stampMs(ts), Date.parse(ts), ts);
  });
});
