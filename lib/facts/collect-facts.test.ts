import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { readBundle } from "@/lib/bundle/read-bundle";
import { createFactsCollector } from "@/lib/facts/collect-facts";
import type { Facts } from "@/lib/facts/facts";
import { LogBuilder, chunked, expresswayBundle, makeTarGz, xconfDump, xstatDump, expresswayEntries } from "@/tests/fixtures/build-bundle";

async function factsOf(buf: Buffer, name = "diagnostic_log_expc1_2024-03-05_09_12_40.tar.gz"): Promise<Facts> {
  const c = createFactsCollector();
  const read = await readBundle(chunked(buf), name, { visitor: c.visitor });
  return c.finish(read, name);
}

describe("facts", () => {
  it("takes product, version and hostname from xstat, and config values from xconf", async () => {
    const f = await factsOf(
      await expresswayBundle({ log: new LogBuilder({ host: "sysloghost" }).adminEvent(), xstat: xstatDump({ version: "X14.2.1", host: "expc1" }), xconf: xconfDump({ host: "confname", verifyOriginServer: "Off" }) }),
    );
    assert.equal(f.product, "Cisco Expressway");
    assert.equal(f.version?.value, "X14.2.1");
    assert.equal(f.version?.source?.file, "xstat_dump_expc1_2024-03-05_09_12_40.txt");
    assert.equal(f.version?.source?.line, 5);
    assert.equal(f.host, "expc1");
    const v = f.config.get("EdgeConfigServer VerifyOriginServer")!;
    assert.equal(v[0].value, "Off");
    assert.equal(v[0].source?.text, "*c xConfiguration EdgeConfigServer VerifyOriginServer: Off");
  });

  it("falls back to xconf, then syslog, then the file name for the hostname", async () => {
    const log = new LogBuilder({ host: "sysloghost" }).adminEvent();
    assert.equal((await factsOf(await expresswayBundle({ log, xconf: xconfDump({ host: "confname" }) }))).host, "confname");
    assert.equal((await factsOf(await expresswayBundle({ log }))).host, "sysloghost");
    assert.equal((await factsOf(await makeTarGz([{ name: "xconf_dump_fromname_2024-03-05_09_12_40.txt", content: "junk\n" }]))).host, "fromname");
  });

  it("finds the log's time range and a version carried by a log line", async () => {
    const log = new LogBuilder({ start: "2024-03-05T04:12:40.000-05:00", stepMs: 1000 })
      .adminEvent()
      .line("tvcs", 'Event="Application Start" Version="X14.3.0" Level="1"')
      .adminEvent();
    const f = await factsOf(await expresswayBundle({ log }));
    assert.deepEqual(f.timeRange, { start: "2024-03-05T04:12:41.000-05:00", end: "2024-03-05T04:12:43.000-05:00" });
    assert.equal(f.version?.value, "X14.3.0");
  });

  it("joins MRA requests by Txn-id with target, user, destination and status", async () => {
    const log = new LogBuilder()
      .mraRequest({ txnId: 7, host: "cucm-pub.acme.test", ip: "192.0.2.10", port: 8443, path: "/cucm-uds/user/bwayne/devices?max=100", user: "bwayne" })
      .mraRequest({ txnId: 8, host: "cucm-pub.acme.test", ip: "192.0.2.10", port: 6972, path: "/CSFjdoe.cnf.xml" });
    const ts = (await factsOf(await expresswayBundle({ log, xstat: xstatDump() }))).trafficServer;
    assert.equal(ts.mraRequestCount, 2);
    assert.equal(ts.forwardedRequestCount, 2);
    const [a, b] = ts.requests;
    assert.deepEqual(
      { txn: a.txnId, host: a.target?.host, port: a.target?.port, user: a.user, dst: a.dstIp, dstPort: a.dstPort, status: a.status, path: a.path },
      { txn: "7", host: "cucm-pub.acme.test", port: 8443, user: "bwayne", dst: "192.0.2.10", dstPort: 8443, status: 200, path: "/cucm-uds/user/bwayne/devices?max=100" },
    );
    assert.equal(b.user, "jdoe");
    assert.equal(ts.failures.length, 0);
  });

  it("joins a verification failure to the port of the request just sent, the SSL error and the 502", async () => {
    const log = new LogBuilder()
      .mraRequest({ txnId: 1, host: "cucm-pub.acme.test", ip: "192.0.2.10", port: 8443, path: "/cucm-uds/user/u1/devices" })
      .mraRequest({ txnId: 2, host: "cucm-pub.acme.test", ip: "192.0.2.10", port: 6972, path: "/CSFu1.cnf.xml", user: "u1", failure: { type: "verify", error: "self signed certificate", depth: 0 } });
    const ts = (await factsOf(await expresswayBundle({ log }))).trafficServer;
    assert.equal(ts.failures.length, 1);
    const g = ts.failures[0];
    assert.deepEqual(
      { port: g.port, src: g.portSource, ip: g.ip, host: g.host, kind: g.errorKind, depth: g.depth, codes: g.sslErrorCodes, r502: g.responses502, users: g.users },
      { port: 6972, src: "request", ip: "192.0.2.10", host: "cucm-pub.acme.test", kind: "self_signed", depth: 0, codes: ["1416F086"], r502: 1, users: ["u1"] },
    );
    const texts = ts.failureEvidence.map((e) => e.text);
    assert.equal(texts.length, 3);
    assert.match(texts[0], /WARNING: Core server certificate verification failed/);
    assert.match(texts[1], /ERROR: SSL connection failed/);
    assert.equal(texts[2], "|HTTP/1.1 502 connect failed");
  });

  it("falls back to the MRA target's port when no request was logged to that address", async () => {
    const log = new LogBuilder();
    log.trafficServerLine('UTCTime="x" Module="network.http.trafficserver" Level="DEBUG": Detail="Receive Request" Txn-id="5"').raw("HTTPMSG:", "|GET /YWNtZS50ZXN0L2h0dHBzL2N1Y20tcHViLmFjbWUudGVzdC84NDQz/cucm-uds/version HTTP/1.1", "|");
    log.verificationFailure({ name: "cucm-pub.acme.test", ip: "192.0.2.10", error: "certificate has expired", depth: 0 });
    const ts = (await factsOf(await expresswayBundle({ log }))).trafficServer;
    assert.equal(ts.failures[0].port, 8443);
    assert.equal(ts.failures[0].portSource, "target");
    assert.equal(ts.failures[0].errorKind, "expired");
  });

  it("keeps one folder per peer apart and notes differing versions", async () => {
    const buf = await makeTarGz([
      ...expresswayEntries({ folder: "expc1", host: "expc1", log: new LogBuilder({ host: "expc1" }).adminEvent(), xstat: xstatDump({ host: "expc1", version: "X14.2.1" }) }),
      ...expresswayEntries({ folder: "expc2", host: "expc2", log: new LogBuilder({ host: "expc2" }).adminEvent(), xstat: xstatDump({ host: "expc2", version: "X14.0.7" }) }),
    ]);
    const f = await factsOf(buf);
    assert.deepEqual(f.hosts, ["expc1", "expc2"]);
    assert.equal(f.host, "expc1, expc2");
    assert.equal(f.version?.value, "X14.2.1");
    assert.match(f.notes.join(" "), /different software versions \(X14.2.1, X14.0.7\)/);
    assert.equal(f.logFiles.length, 2);
  });
});
