// Certificate details and the checks engineers do by hand: names (RFC 6125), chain order, trust
// store. Uses the committed test certificates (tests/fixtures/capture/certs).
// Run: node --import tsx --test lib/capture/certificate.test.ts
import { describe, it } from "node:test";
import assert from "node:assert/strict";
import { X509Certificate } from "node:crypto";
import { testCerts } from "@/tests/fixtures/capture";
import { chainComplete, describeCertificate, issuerInTrustStore, nameMatches, parsePemCertificates } from "./certificate";

const CAPTURE_TIME = "2026-06-01T12:00:00Z";
const d = (pem: string, at: string = CAPTURE_TIME) => describeCertificate(pem, at)!;

describe("describeCertificate", () => {
  it("describes a CA-signed RSA server certificate", () => {
    const c = d(testCerts.cucmMs.cert);
    assert.equal(c.subject, "C=US, O=Steven Lab, CN=cucm-ms.steven.lab");
    assert.equal(c.subjectCN, "cucm-ms.steven.lab");
    assert.equal(c.issuerCN, "Steven Lab Root CA");
    assert.deepEqual(c.sanDns, ["cups.steven.lab", "steven.lab", "cucm.steven.lab"]);
    assert.deepEqual(c.sanIps, ["10.10.20.21"]);
    assert.equal(c.notBefore, "2026-01-01T00:00:00.000Z");
    assert.equal(c.notAfter, "2046-12-31T00:00:00.000Z");
    assert.equal(c.expired, false);
    assert.equal(c.expiresWithin30Days, false);
    assert.equal(c.keyType, "RSA");
    assert.equal(c.keyBits, 2048);
    assert.equal(c.signatureAlgorithm, "sha256WithRSAEncryption");
    assert.equal(c.selfSigned, false);
    assert.equal(c.isCA, false);
    assert.match(c.subjectKeyId!, /^([0-9A-F]{2}:){19}[0-9A-F]{2}$/);
    assert.equal(c.authorityKeyId, d(testCerts.ca).subjectKeyId);
    assert.equal(c.sha256Fingerprint, new X509Certificate(testCerts.cucmMs.cert).fingerprint256);
    assert.match(c.pem, /^-----BEGIN CERTIFICATE-----/);
  });

  it("describes a self-signed ECDSA certificate", () => {
    const c = d(testCerts.cucmEc.cert);
    assert.equal(c.subjectCN, "cucm-EC.steven.lab");
    assert.equal(c.selfSigned, true);
    assert.equal(c.keyType, "EC");
    assert.equal(c.curve, "prime256v1");
    assert.equal(c.keyBits, 256);
    assert.equal(c.signatureAlgorithm, "ecdsa-with-SHA256");
    assert.equal(c.authorityKeyId, undefined);
  });

  it("judges expiry at the capture time", () => {
    assert.equal(d(testCerts.expired.cert).expired, true);
    assert.equal(d(testCerts.expired.cert, "2020-06-01T00:00:00Z").expired, false);
    assert.equal(d(testCerts.expired.cert, "2020-12-15T00:00:00Z").expiresWithin30Days, true);
    assert.equal(d(testCerts.cucmMs.cert, "2025-06-01T00:00:00Z").notYetValid, true);
  });

  it("marks CA certificates and accepts DER as well as PEM", () => {
    const der = new X509Certificate(testCerts.ca).raw;
    const c = describeCertificate(der)!;
    assert.equal(c.isCA, true);
    assert.equal(c.selfSigned, true);
  });

  it("returns null for something that is not a certificate", () => {
    assert.equal(describeCertificate(Buffer.from("nope")), null);
  });
});

describe("nameMatches (RFC 6125)", () => {
  it("matches DNS SANs, case-insensitively, and not the CN when SANs exist", () => {
    assert.equal(nameMatches(testCerts.cucmMs.cert, "cucm.steven.lab"), true);
    assert.equal(nameMatches(testCerts.cucmMs.cert, "CUPS.Steven.Lab."), true);
    assert.equal(nameMatches(testCerts.cucmMs.cert, "cucm-ms.steven.lab"), false);
    assert.equal(nameMatches(testCerts.cucmMs.cert, "other.steven.lab"), false);
  });

  it("matches IP addresses only against IP SANs", () => {
    assert.equal(nameMatches(testCerts.cucmMs.cert, "10.10.20.21"), true);
    assert.equal(nameMatches(testCerts.cucmMs.cert, "10.10.20.22"), false);
    assert.equal(nameMatches(testCerts.cucmEc.cert, "10.10.20.21"), false);
  });

  it("lets a wildcard stand for exactly one left-most label", () => {
    const w = describeCertificate(testCerts.wildcard.cert)!;
    assert.equal(nameMatches(w, "expe.steven.lab"), true);
    assert.equal(nameMatches(w, "steven.lab"), false);
    assert.equal(nameMatches(w, "a.b.steven.lab"), false);
    assert.equal(nameMatches(w, "*.steven.lab"), false);
  });

  it("rejects partial-label and non-left-most wildcards", () => {
    const fake = (sanDns: string[]) => ({ ...describeCertificate(testCerts.wildcard.cert)!, sanDns });
    assert.equal(nameMatches(fake(["f*.steven.lab"]), "foo.steven.lab"), false);
    assert.equal(nameMatches(fake(["www.*.lab"]), "www.steven.lab"), false);
    assert.equal(nameMatches(fake(["*.lab"]), "steven.lab"), false);
  });

  it("falls back to the CN only when there is no DNS SAN", () => {
    assert.equal(nameMatches(testCerts.expired.cert, "expired.steven.lab"), true);
    assert.equal(nameMatches(testCerts.expired.cert, "other.steven.lab"), false);
  });
});

describe("chainComplete", () => {
  it("accepts a chain where each certificate is issued by the next", () => {
    assert.deepEqual(chainComplete([testCerts.expe.cert, testCerts.intermediate, testCerts.ca]), { complete: true, endsWithRoot: true });
    assert.deepEqual(chainComplete([testCerts.expe.cert, testCerts.intermediate]), { complete: true, endsWithRoot: false });
    assert.deepEqual(chainComplete([testCerts.cucmEc.cert]), { complete: true, endsWithRoot: true });
  });

  it("flags a missing intermediate or a chain out of order", () => {
    const missing = chainComplete([testCerts.expe.cert, testCerts.ca]);
    assert.equal(missing.complete, false);
    assert.match(missing.problem!, /expe\.steven\.lab.*not issued by.*Steven Lab Root CA/);
    assert.equal(chainComplete([testCerts.intermediate, testCerts.expe.cert]).complete, false);
  });
});

describe("issuerInTrustStore", () => {
  const store = [testCerts.ca, testCerts.intermediate].join("\n");

  it("parses every certificate in a PEM trust store", () => {
    assert.equal(parsePemCertificates(store + "\nnot a cert\n").length, 2);
  });

  it("finds the issuer of a CA-signed chain in the store", () => {
    const t = issuerInTrustStore([testCerts.cucmMs.cert], store);
    assert.equal(t.trusted, true);
    assert.equal(t.anchor, "C=US, O=Steven Lab, CN=Steven Lab Root CA");
    assert.equal(issuerInTrustStore([testCerts.expe.cert], [testCerts.ca]).trusted, false, "intermediate neither sent nor trusted");
    assert.equal(issuerInTrustStore([testCerts.expe.cert, testCerts.intermediate], [testCerts.ca]).trusted, true);
  });

  it("does not trust a self-signed certificate unless it is itself in the store", () => {
    assert.equal(issuerInTrustStore([testCerts.cucmEc.cert], store).trusted, false);
    assert.equal(issuerInTrustStore([testCerts.cucmEc.cert], store + testCerts.cucmEc.cert).trusted, true);
  });
});
