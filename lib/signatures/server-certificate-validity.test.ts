import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { resultOf } from "@/lib/signatures/test-support";
import { expresswayEntries, xconfDump, xstatDump } from "@/tests/fixtures/build-bundle";
import { alarmLine, logOf } from "@/tests/fixtures/expressway-lines";
import { daysFromNow, makeCertificate } from "@/tests/fixtures/openssl-certificate";

const ID = "server-certificate-validity";
const host = "expe1";
const stamp = "2024-03-05_09_12_40";
// The bundle names the Expressway's own certificate server_<host>_<stamp>.pem (FORMATS.md, The bundle).
const withPem = (pem: string | null, log = logOf()) => [
  ...expresswayEntries({ host, stamp, log, xconf: xconfDump({ host }), xstat: xstatDump({ host }) }),
  ...(pem ? [{ name: `server_${host}_${stamp}.pem`, content: pem }] : []),
];
const cert = (days: number) => makeCertificate({ cn: "expe1.acme.test", sans: ["expe1.acme.test", "collab-edge.acme.test"], notBefore: daysFromNow(-365), notAfter: daysFromNow(days) });

describe(ID, () => {
  it("is an issue naming the date when the certificate expires in ten days", async () => {
    const pem = cert(10);
    const r = await resultOf(ID, withPem(pem));
    assert.equal(r.outcome, "issue");
    assert.equal(r.severity, "high");
    const date = daysFromNow(10).toISOString().slice(0, 10);
    assert.match(r.description, new RegExp(`expires on ${date}, in (9|10) days`));
    assert.equal(r.affected[0].host, "expe1.acme.test");
    assert.match(r.affected[0].reason, new RegExp(`expires on ${date}`));
    assert.match(r.action, /Generate CSR/);
  });
  it("is a critical issue when it has expired", async () => {
    const r = await resultOf(ID, withPem(cert(-3)));
    assert.equal(r.outcome, "issue");
    assert.equal(r.severity, "critical");
    assert.match(r.description, /expired on/);
  });
  it("is an issue from alarm 40069 when the bundle has no certificate file", async () => {
    const alarm = alarmLine({ ts: "2024-03-05T09:13:02.101+01:00", host, event: "Raised", id: "40069", detail: "Server certificate validity: Server certificate expires in 12 days", severity: "alert" });
    const r = await resultOf(ID, withPem(null, logOf(alarm)));
    assert.equal(r.outcome, "issue");
    assert.equal(r.severity, "high");
    assert.match(r.affected[0].reason, /^40069 Server certificate validity/);
  });
  it("is ok when it is valid for more than 30 days", async () => {
    const r = await resultOf(ID, withPem(cert(400)));
    assert.equal(r.outcome, "ok");
    assert.match(r.description, /is valid until/);
  });
  it("is missing without server_*.pem and without the alarms", async () => {
    assert.equal((await resultOf(ID, withPem(null))).outcome, "missing");
  });
});
