import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { analyzeBundle } from "@/lib/pipeline/analyze-bundle";
import type { SignatureResult } from "@/lib/results/types";
import { type ExpresswayFiles, LogBuilder, chunked, expresswayBundle, xconfDump, xstatDump } from "@/tests/fixtures/build-bundle";

const ID = "x14-2-traffic-server-verification";
const PUB = { host: "cucm-pub.acme.test", ip: "192.0.2.10" };
const SUB = { host: "cucm-sub.acme.test", ip: "192.0.2.11" };

async function resultFor(files: ExpresswayFiles): Promise<SignatureResult> {
  const out = await analyzeBundle(chunked(await expresswayBundle(files)), "diagnostic_log_expc1_2024-03-05_09_12_40.tar.gz");
  const r = out.results.find((x) => x.signatureId === ID);
  assert.ok(r);
  return r;
}

function healthyLog(): LogBuilder {
  return new LogBuilder()
    .sipOptions(2)
    .mraRequest({ txnId: 1, ...PUB, port: 8443, path: "/cucm-uds/user/bwayne/devices?max=100", user: "bwayne" })
    .mraRequest({ txnId: 2, ...PUB, port: 6972, path: "/CSFbwayne.cnf.xml", user: "bwayne" });
}

describe("x14-2-traffic-server-verification", () => {
  it("reports a self-signed certificate at depth 0 on TFTP 6972 as a critical issue", async () => {
    const log = new LogBuilder()
      .sipOptions(1)
      .mraRequest({ txnId: 1, ...PUB, port: 8443, path: "/cucm-uds/user/bwayne/devices" })
      .mraRequest({ txnId: 2, ...PUB, port: 6972, path: "/CSFbwayne.cnf.xml", failure: { type: "verify", error: "self signed certificate", depth: 0 } });
    const r = await resultFor({ log, xstat: xstatDump({ version: "X14.2.1" }), xconf: xconfDump({ verifyOriginServer: "On" }) });
    assert.equal(r.outcome, "issue");
    assert.equal(r.severity, "critical");
    assert.deepEqual(r.defects, ["CSCwc69661", "CSCwa25108"]);
    assert.equal(r.affected.length, 1);
    assert.deepEqual(
      { ...r.affected[0], firstSeen: undefined, lastSeen: undefined },
      { host: "cucm-pub.acme.test", ip: "192.0.2.10", port: 6972, service: "TFTP (6972)", reason: "self signed certificate (depth 0): the CA is not trusted", count: 1, firstSeen: undefined, lastSeen: undefined, peers: ["expc1"] },
    );
    assert.match(r.action, /Maintenance > Security > Trusted CA certificate/);
    assert.match(r.action, /every Expressway-C cluster peer/);
    assert.match(r.action, /`xConfiguration EdgeConfigServer VerifyOriginServer: Off`/);
    assert.doesNotMatch(r.action, /Refresh servers/, "no SNI advice when there is no SNI failure");
    assert.match(r.furtherInformation, /ECDSA/);
    assert.match(r.furtherInformation, /CSCwa12905/);
    assert.ok(r.references.some((x) => x.url === "https://bst.cloudapps.cisco.com/bugsearch/bug/CSCwc69661"));
    assert.equal(r.evidence.length, 3);
    assert.ok(r.evidence.every((e) => e.file.startsWith("loggingsnapshot_") && e.line > 0));
  });

  it("reports an unknown CA deeper in the chain and asks for the CA chain", async () => {
    const log = healthyLog().mraRequest({
      txnId: 3,
      ...SUB,
      port: 8443,
      path: "/cucm-uds/user/jdoe/devices",
      failure: { type: "verify", error: "unable to get local issuer certificate", depth: 2 },
    });
    const r = await resultFor({ log, xstat: xstatDump({ version: "X14.3.0" }) });
    assert.equal(r.outcome, "issue");
    assert.equal(r.affected[0].reason, "unknown CA in chain (depth 2)");
    assert.equal(r.affected[0].service, "UDS / Tomcat (8443)");
    assert.match(r.action, /complete CA chain/);
    assert.doesNotMatch(r.action, /Self-signed certificate at depth 0/);
  });

  it("reports an address missing from the certificate (SNI) and how to advertise FQDNs", async () => {
    const log = new LogBuilder().mraRequest({ txnId: 4, host: "192.0.2.10", ip: "192.0.2.10", port: 8443, path: "/cucm-uds/user/bwayne/devices", failure: { type: "sni" } });
    const r = await resultFor({ log, xstat: xstatDump({ version: "X14.2.0" }) });
    assert.equal(r.outcome, "issue");
    assert.equal(r.affected[0].reason, "SNI 192.0.2.10 not in certificate");
    assert.equal(r.affected[0].port, 8443);
    assert.match(r.action, /Subject Alternative Names/);
    assert.match(r.action, /System > Server/);
    assert.match(r.action, /Configuration > Unified Communications > Unified CM servers/);
    assert.match(r.action, /Refresh servers/);
  });

  it("understands OpenSSL 3 spellings and codes", async () => {
    const log = new LogBuilder().mraRequest({
      txnId: 5,
      ...PUB,
      port: 6972,
      path: "/CSFbwayne.cnf.xml",
      failure: { type: "verify", error: "self-signed certificate", depth: 0 },
      sslCode: "0A000086",
    });
    const r = await resultFor({ log, xstat: xstatDump({ version: "X15.0" }) });
    assert.equal(r.outcome, "issue");
    assert.equal(r.affected[0].reason, "self signed certificate (depth 0): the CA is not trusted");
    assert.ok(r.evidence.some((e) => e.text.includes("error:0A000086")));
  });

  for (const [error, code, depth, reason] of [
    ["self signed certificate", "1416F086", 0, "self signed certificate (depth 0): the CA is not trusted"],
    ["self-signed certificate", "0A000086", 0, "self signed certificate (depth 0): the CA is not trusted"],
    ["self signed certificate in certificate chain", "1416F086", 1, "unknown CA in chain (depth 1): its self-signed root is not trusted"],
    ["self-signed certificate in certificate chain", "0A000086", 1, "unknown CA in chain (depth 1): its self-signed root is not trusted"],
    ["unable to get local issuer certificate", "0A000086", 1, "unknown CA in chain (depth 1)"],
    ["certificate has expired", "1416F086", 0, "certificate has expired (depth 0)"],
    ["certificate has expired", "0A000086", 0, "certificate has expired (depth 0)"],
  ] as const) {
    it(`reads "${error}" with error:${code} as ${reason}`, async () => {
      const log = new LogBuilder().mraRequest({ txnId: 7, ...PUB, port: 8443, path: "/cucm-uds/user/u/devices", failure: { type: "verify", error, depth }, sslCode: code });
      const r = await resultFor({ log, xstat: xstatDump({ version: "X14.2.1" }) });
      assert.equal(r.outcome, "issue");
      assert.equal(r.affected[0].reason, reason);
      assert.ok(r.evidence.some((e) => e.text.includes(`error:${code}`)));
      if (reason.startsWith("certificate has expired")) assert.match(r.action, /renew it on the node/);
    });
  }

  it("shows a few lines of context around each evidence line", async () => {
    const log = new LogBuilder().mraRequest({ txnId: 8, ...PUB, port: 8443, path: "/cucm-uds/user/u/devices", failure: { type: "verify", error: "self signed certificate", depth: 0 } });
    const r = await resultFor({ log, xstat: xstatDump({ version: "X14.2.1" }) });
    const warning = r.evidence.find((e) => e.text.includes("Core server certificate verification failed"))!;
    assert.equal(warning.context?.before.length, 2);
    assert.equal(warning.context?.before[1].line, warning.line - 1);
    assert.ok((warning.context?.after.length ?? 0) >= 1);
    assert.match(warning.context!.after[0].text, /SSL connection failed/);
  });

  it("lists every node whose certificate failed, once, with counts", async () => {
    const log = new LogBuilder();
    for (let i = 0; i < 3; i++) log.mraRequest({ txnId: 10 + i, ...PUB, port: 6972, path: "/CSFu.cnf.xml", failure: { type: "verify", error: "self signed certificate", depth: 0 } });
    for (let i = 0; i < 2; i++) log.mraRequest({ txnId: 20 + i, ...SUB, port: 8443, path: "/cucm-uds/user/u/devices", failure: { type: "verify", error: "certificate has expired", depth: 0 } });
    const r = await resultFor({ log, xstat: xstatDump({ version: "X14.2.1" }) });
    assert.deepEqual(
      r.affected.map((a) => [a.host, a.port, a.count, a.reason]),
      [
        ["cucm-pub.acme.test", 6972, 3, "self signed certificate (depth 0): the CA is not trusted"],
        ["cucm-sub.acme.test", 8443, 2, "certificate has expired (depth 0)"],
      ],
    );
    assert.ok(r.affected[0].firstSeen! < r.affected[0].lastSeen!);
    const warning = r.evidence.find((e) => e.text.includes("cucm-pub") && e.text.includes("WARNING"));
    assert.equal(warning?.count, 3, "identical lines but for the timestamp are folded");
    assert.match(r.action, /renew it on the node/);
  });

  it("says ok when MRA requests passed on X14.2+ without failures", async () => {
    const r = await resultFor({ log: healthyLog(), xstat: xstatDump({ version: "X14.2.1" }), xconf: xconfDump({ verifyOriginServer: "On" }) });
    assert.equal(r.outcome, "ok");
    assert.equal(r.severity, "info");
    assert.match(r.description, /2 MRA requests/);
    assert.ok(r.evidence.length > 0);
  });

  it("is not applicable below X14.2", async () => {
    for (const version of ["X14.0.7", "X8.11.4"]) {
      const r = await resultFor({ log: healthyLog(), xstat: xstatDump({ version }) });
      assert.equal(r.outcome, "not_applicable", version);
      assert.match(r.description, new RegExp(version.replace(/\./g, "\\.")));
      assert.equal(r.evidence[0]?.file, "xstat_dump_expc1_2024-03-05_09_12_40.txt");
    }
  });

  it("says what is missing when the version is unknown", async () => {
    const r = await resultFor({ log: healthyLog() });
    assert.equal(r.outcome, "missing");
    assert.match(r.description, /software version/);
    assert.match(r.description, /xstat_dump/);
    assert.match(r.action, /Maintenance > Diagnostics > Diagnostic logging/);
  });

  it("says what is missing when the traffic server's logs are absent, and how to get them", async () => {
    const r = await resultFor({ log: new LogBuilder().sipOptions(3), xstat: xstatDump({ version: "X14.2.0" }), xconf: xconfDump({ verifyOriginServer: "On" }) });
    assert.equal(r.outcome, "missing");
    assert.match(r.description, /traffic server/);
    assert.match(r.action, /Maintenance > Diagnostics > Advanced > Support Log configuration/);
    assert.match(r.action, /network\.http\.trafficserver/);
    assert.match(r.action, /reproduce the MRA login/);
  });

  it("flags VerifyOriginServer Off on X14.2+ as a potential problem (man-in-the-middle exposure)", async () => {
    const r = await resultFor({ log: healthyLog(), xstat: xstatDump({ version: "X14.2.1" }), xconf: xconfDump({ verifyOriginServer: "Off" }) });
    assert.equal(r.outcome, "potential");
    assert.match(r.description, /man-in-the-middle/);
    assert.match(r.action, /`xConfiguration EdgeConfigServer VerifyOriginServer: On`/);
    assert.equal(r.evidence[0].text, "*c xConfiguration EdgeConfigServer VerifyOriginServer: Off");
    assert.equal(r.evidence[0].file, "xconf_dump_expc1_2024-03-05_09_12_40.txt");
  });

  it("lets logged failures win over VerifyOriginServer Off, and says so", async () => {
    const log = new LogBuilder().mraRequest({ txnId: 1, ...PUB, port: 6972, path: "/CSFu.cnf.xml", failure: { type: "verify", error: "self signed certificate", depth: 0, action: "Continue" } });
    const r = await resultFor({ log, xstat: xstatDump({ version: "X14.2.1" }), xconf: xconfDump({ verifyOriginServer: "Off" }) });
    assert.equal(r.outcome, "issue");
    assert.match(r.condition, /VerifyOriginServer: Off/);
    assert.match(r.condition, /Action=Continue/);
    assert.match(r.action, /turn verification back on/);
  });
});

describe("x14-2-traffic-server-verification with a packet capture", () => {
  it("names the certificate the failing node presented on each port", async () => {
    const { tlsBundle, TLS_BUNDLE_NAME } = await import("@/tests/fixtures/tls-bundle");
    const out = await analyzeBundle(chunked(await tlsBundle()), TLS_BUNDLE_NAME);
    const r = out.results.find((x) => x.signatureId === ID)!;
    assert.equal(r.outcome, "issue");
    const node = r.affected.find((a) => a.port === 6972)!;
    assert.equal(node.certificate?.summary, "6972 presented a self-signed ECDSA P-256 certificate, CN cucm-EC.steven.lab, not in the trust store");
    assert.equal(node.certificate?.keyType, "EC");
    assert.equal(node.certificate?.inTrustStore, false);
    assert.match(r.condition, /packet capture in the bundle shows/);
  });
});

describe("x14-2-traffic-server-verification, SNI failure with a packet capture", () => {
  it("shows the SAN list next to the connect address", async () => {
    const { analyzeConnections, presenting, CUCM } = await import("@/tests/fixtures/tls-bundle");
    const log = new LogBuilder({ host: "expc1", start: "2026-06-01T14:00:00.000+02:00" }).mraRequest({
      txnId: 9,
      host: CUCM.ip,
      ip: CUCM.ip,
      port: 8443,
      path: "/cucm-uds/user/bwayne/devices",
      failure: { type: "sni" },
    });
    const out = await analyzeConnections([presenting("wildcard", { serverPort: 8443 })], { log });
    const r = out.results.find((x) => x.signatureId === ID)!;
    assert.equal(r.outcome, "issue");
    assert.match(r.affected[0].certificate!.summary, /SAN \*\.steven\.lab \(connect address 10\.10\.20\.21 not among them\)/);
  });
});
