import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { resultOf } from "@/lib/signatures/test-support";
import { expresswayEntries, xconfDump, xstatDump } from "@/tests/fixtures/build-bundle";
import { daysFromNow, makeCertificate } from "@/tests/fixtures/openssl-certificate";

const ID = "server-certificate-weak-crypto";
const host = "expc1";
const stamp = "2024-03-05_09_12_40";
const withPem = (pem: string | null) => [
  ...expresswayEntries({ host, stamp, log: "", xconf: xconfDump({ host }), xstat: xstatDump({ host }) }),
  ...(pem ? [{ name: `server_${host}_${stamp}.pem`, content: pem }] : []),
];
const cert = (o: { keyBits?: number; md?: "sha1" | "sha256" }) => makeCertificate({ cn: "expc1.acme.test", sans: ["expc1.acme.test"], notBefore: daysFromNow(-10), notAfter: daysFromNow(300), ...o });

describe(ID, () => {
  it("names a 1024-bit key with a SHA-1 signature", async () => {
    const r = await resultOf(ID, withPem(cert({ keyBits: 1024, md: "sha1" })));
    assert.equal(r.outcome, "issue");
    assert.equal(r.affected[0].reason, "1024-bit RSA key, sha1WithRSAEncryption signature");
  });
  it("is ok with a 2048-bit key and SHA-256", async () => {
    const r = await resultOf(ID, withPem(cert({})));
    assert.equal(r.outcome, "ok");
    assert.match(r.description, /RSA 2048 keys and sha256WithRSAEncryption/);
  });
  it("is missing without server_*.pem", async () => {
    assert.equal((await resultOf(ID, withPem(null))).outcome, "missing");
  });
});
