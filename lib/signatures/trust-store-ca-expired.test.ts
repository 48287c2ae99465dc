import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { resultOf } from "@/lib/signatures/test-support";
import { expresswayEntries, xconfDump, xstatDump } from "@/tests/fixtures/build-bundle";
import { daysFromNow, makeCertificate } from "@/tests/fixtures/openssl-certificate";

const ID = "trust-store-ca-expired";
const host = "expc1";
const stamp = "2024-03-05_09_12_40";
// The bundle's trust store is ca_<host>_<stamp>.pem, one PEM block per CA (FORMATS.md, The bundle).
const withCa = (...pems: string[]) => [
  ...expresswayEntries({ host, stamp, log: "", xconf: xconfDump({ host }), xstat: xstatDump({ host }) }),
  ...(pems.length ? [{ name: `ca_${host}_${stamp}.pem`, content: pems.join("") }] : []),
];
const ca = (cn: string, days: number) => makeCertificate({ cn, ca: true, notBefore: daysFromNow(-2000), notAfter: daysFromNow(days) });

describe(ID, () => {
  it("names the expired CA with its date and points at its PEM block", async () => {
    const r = await resultOf(ID, withCa(ca("Acme Root CA 2024", 1000), ca("Acme Old Root", -20)));
    assert.equal(r.outcome, "potential");
    assert.equal(r.severity, "medium");
    assert.equal(r.affected.length, 1);
    assert.equal(r.affected[0].host, "Acme Old Root");
    assert.match(r.affected[0].reason, new RegExp(`expired on ${daysFromNow(-20).toISOString().slice(0, 10)}`));
    assert.ok(r.evidence[0].line > 1, "the second certificate's BEGIN line");
  });
  it("is a low potential problem when a CA expires within 30 days", async () => {
    const r = await resultOf(ID, withCa(ca("Acme Issuing CA", 12)));
    assert.equal(r.outcome, "potential");
    assert.equal(r.severity, "low");
  });
  it("is ok when every CA is valid", async () => {
    assert.equal((await resultOf(ID, withCa(ca("Acme Root CA 2024", 1000)))).outcome, "ok");
  });
  it("is missing without ca_*.pem", async () => {
    assert.equal((await resultOf(ID, withCa())).outcome, "missing");
  });
});
