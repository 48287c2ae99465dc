// The whole catalog on awkward input: every signature answers, nothing fails because one line is odd.
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { analyzeBundle } from "@/lib/pipeline/analyze-bundle";
import { SIGNATURES } from "@/lib/signatures/registry";
import { BROKEN_NODES, CLUSTER_BUNDLE_NAME, clusterBundle } from "@/tests/fixtures/cluster-bundle";
import { LogBuilder, chunked, expresswayBundle, makeTarGz, xstatDump } from "@/tests/fixtures/build-bundle";

describe("signature catalog", () => {
  it("has unique ids, needles and a category for every signature", () => {
    assert.ok(SIGNATURES.length >= 40);
    for (const s of SIGNATURES) {
      assert.ok(["defect", "misconfiguration", "informational"].includes(s.category), s.id);
      // Rules that read no log lines (only dumps, the trust store or captures) have nothing to declare.
      const readsNoLogLines = ["verify-origin-server-off", "x14-2-ecdsa-preferred", "trust-store-duplicate-cn", "tls-presented-certificate-validity", "tls-certificate-name-coverage", "tls-certificate-differs-by-port", "server-certificate-weak-crypto", "trust-store-ca-expired", "zone-not-active", "cluster-peer-version-mismatch", "cluster-peer-config-differs"];
      assert.ok(s.needles.length > 0 || readsNoLogLines.includes(s.id), `${s.id} declares needles`);
    }
  });

  it("shows a cluster with three broken nodes as one card naming all three, their peers and causes", async () => {
    const out = await analyzeBundle(chunked(await clusterBundle()), CLUSTER_BUNDLE_NAME);
    const r = out.results.find((x) => x.signatureId === "x14-2-traffic-server-verification")!;
    assert.equal(r.outcome, "issue");
    assert.equal(r.affected.length, 3);
    for (const n of BROKEN_NODES) {
      const a = r.affected.find((x) => x.ip === n.ip);
      assert.ok(a, `${n.host} listed`);
      assert.equal(a.port, n.port);
      assert.match(a.reason, n.reason);
      assert.deepEqual(a.peers, [n.peer]);
    }
    assert.equal(out.bundle.host, "expc1, expc2, expc3");
  });

  it("analyses a bare log without xconf / xstat: every signature answers, missing where inputs lack", async () => {
    const log = new LogBuilder().sipOptions(2).toString();
    const out = await analyzeBundle(chunked(Buffer.from(log)), "loggingsnapshot_expc1_2024-03-05_09_12_40.txt");
    assert.equal(out.results.length, SIGNATURES.length);
    const byId = Object.fromEntries(out.results.map((r) => [r.signatureId, r]));
    assert.equal(byId["verify-origin-server-off"].outcome, "missing");
    assert.equal(byId["trust-store-duplicate-cn"].outcome, "missing");
    assert.equal(byId["traversal-tls-identity"].outcome, "ok");
    assert.ok(out.results.every((r) => r.outcome !== "missing" || r.action.length > 20), "missing always says what to collect");
  });

  it("reads Latin-1 and Shift-JIS lines and a 64 MiB line without failing", async () => {
    const log = new LogBuilder().sipOptions(1);
    const good = Buffer.from(log.toString());
    const latin1 = Buffer.concat([Buffer.from('2024-03-05T04:13:00.000-05:00 expc1 tvcs: Event="Admin Session Start" User="'), Buffer.from([0x4d, 0xfc, 0x6c, 0x6c, 0x65, 0x72]), Buffer.from('" Level="1"\n')]);
    const sjis = Buffer.concat([Buffer.from('2024-03-05T04:13:01.000-05:00 expc1 tvcs: Event="Admin Session Start" User="'), Buffer.from([0x8e, 0x52, 0x93, 0x63, 0x83, 0x86, 0x81, 0x5b, 0x83, 0x55, 0x81, 0x5b]), Buffer.from('" Level="1"\n')]);
    const huge = Buffer.alloc(64 * 1024 * 1024 + 1, 0x41);
    huge[huge.length - 1] = 0x0a;
    const body = Buffer.concat([good, latin1, sjis, huge, Buffer.from(new LogBuilder().sipOptions(1).toString())]);
    const out = await analyzeBundle(chunked(await makeTarGz([{ name: "loggingsnapshot_expc1_2024-03-05_09_12_40.txt", content: body }, { name: "xstat_dump_expc1_2024-03-05_09_12_40.txt", content: xstatDump() }]), 1024 * 1024), "b.tar.gz", { limits: { bombMaxRatio: 10_000 } });
    assert.equal(out.results.length, SIGNATURES.length);
    assert.ok(out.bundle.notes.some((n) => /line .* skipped/.test(n)));
  });

  it("fills the MRA requests view and the unexplained warnings, leaving out what a signature explains", async () => {
    const log = new LogBuilder()
      .mraRequest({ txnId: 1, host: "cucm-pub.acme.test", ip: "192.0.2.10", port: 8443, path: "/cucm-uds/user/bwayne/devices", user: "bwayne" })
      .mraRequest({ txnId: 2, host: "cucm-pub.acme.test", ip: "192.0.2.10", port: 6972, path: "/CSFbwayne.cnf.xml", failure: { type: "verify", error: "self signed certificate", depth: 0 } })
      .line("tvcs", 'UTCTime="2024-03-05 09:12:41,000" Module="network.ldap" Level="ERROR": Detail="LDAP bind to 10.1.1.1 failed" Server="ldap1.acme.test"')
      .line("tvcs", 'UTCTime="2024-03-05 09:12:42,000" Module="network.ldap" Level="ERROR": Detail="LDAP bind to 10.1.1.2 failed" Server="ldap2.acme.test"');
    const out = await analyzeBundle(chunked(await expresswayBundle({ log, xstat: xstatDump({ version: "X14.2.1" }) })), "b.tar.gz");
    const mra = out.details.mraRequests!;
    assert.equal(mra.total, 2);
    assert.deepEqual(mra.rows.map((r) => [r.user, r.host, r.port, r.status]), [["bwayne", "cucm-pub.acme.test", 8443, 200], ["bwayne", "cucm-pub.acme.test", 6972, 502]]);
    assert.match(mra.rows[1].failure!, /self signed certificate/);
    assert.equal(mra.servers[0].port, 6972);
    assert.equal(mra.servers[0].failed, 1);
    const w = out.details.unexplainedWarnings!;
    assert.equal(w.templates.length, 1, JSON.stringify(w.templates.map((t) => t.template)));
    assert.equal(w.templates[0].count, 2);
    assert.match(w.templates[0].template, /Detail="LDAP bind to <ip> failed" Server="\*"/);
    assert.ok(w.totalLines >= 4, "the certificate warnings were seen but are explained");
  });
});
