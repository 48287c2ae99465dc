// Names for values read off the wire: TLS versions, suites, alerts, addresses, capture files.
// Run: node --import tsx --test lib/capture/wire-names.test.ts
import { describe, it } from "node:test";
import assert from "node:assert/strict";
import { isCaptureFileName } from "./capture-file-name";
import { ipv6Text } from "./ip-address";
import { alertDescriptionName, alertLevelName, cipherSuiteName, isGrease, versionName } from "./tls-names";

describe("TLS names", () => {
  it("names versions, drafts and unknown values", () => {
    assert.equal(versionName(0x0303), "TLS 1.2");
    assert.equal(versionName(0x7f1c), "TLS 1.3 (draft 28)");
    assert.equal(versionName(0x1234), "0x1234");
  });

  it("recognises GREASE values so they are never reported", () => {
    assert.equal(isGrease(0x0a0a), true);
    assert.equal(isGrease(0xfafa), true);
    assert.equal(isGrease(0x0303), false);
  });

  it("gives IANA suite names and hex for unknown suites", () => {
    assert.equal(cipherSuiteName(0xc02f), "TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256");
    assert.equal(cipherSuiteName(0x1301), "TLS_AES_128_GCM_SHA256");
    assert.equal(cipherSuiteName(0xc0ff), "0xC0FF");
  });

  it("names alerts with their code", () => {
    assert.equal(alertDescriptionName(42), "bad_certificate(42)");
    assert.equal(alertDescriptionName(45), "certificate_expired(45)");
    assert.equal(alertDescriptionName(200), "unknown(200)");
    assert.equal(alertLevelName(2), "fatal");
    assert.equal(alertLevelName(7), "unknown(7)");
  });
});

describe("addresses and file names", () => {
  it("writes IPv6 addresses in RFC 5952 form", () => {
    const b = (hex: string) => Buffer.from(hex, "hex");
    assert.equal(ipv6Text(b("20010db8000000000000000000000001"), 0), "2001:db8::1");
    assert.equal(ipv6Text(b("20010db8000000010000000000000001"), 0), "2001:db8:0:1::1");
    assert.equal(ipv6Text(b("00000000000000000000ffff0a000001"), 0), "::ffff:10.0.0.1");
    assert.equal(ipv6Text(b("00000000000000000000000000000000"), 0), "::");
  });

  it("recognises Expressway capture names", () => {
    assert.equal(isCaptureFileName("tmp/eth0_diagnostic_logging_tcpdump00_exp-c1_2026-06-01_12_00_00.pcap"), true);
    assert.equal(isCaptureFileName("x/capture.pcapng"), true);
    assert.equal(isCaptureFileName("x/ca_trust.pem"), false);
  });
});
