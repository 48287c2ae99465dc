import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { parseNativeMessage, parseTrafficServerMessage } from "@/lib/parse/traffic-server-native";

describe("traffic server native lines", () => {
  it("reads thread, level and text", () => {
    const m = parseNativeMessage("[ET_NET 3] WARNING: Core server certificate verification failed for (a).")!;
    assert.equal(m.thread, "ET_NET 3");
    assert.equal(m.level, "WARNING");
    assert.match(m.text, /^Core server/);
    assert.equal(parseNativeMessage('UTCTime="x" Module="y"'), null);
  });

  it("parses a verification failure with every field", () => {
    const m = parseTrafficServerMessage(
      "Core server certificate verification failed for (cucm.steven.lab). Action=Terminate Error=self signed certificate server=cucm.steven.lab(10.48.36.215) depth=0",
    );
    assert.deepEqual(m, {
      type: "verification_failed",
      name: "cucm.steven.lab",
      action: "Terminate",
      error: "self signed certificate",
      serverHost: "cucm.steven.lab",
      serverIp: "10.48.36.215",
      depth: 0,
    });
  });

  it("parses OpenSSL 3 spellings and deeper chains", () => {
    const m = parseTrafficServerMessage(
      "Core server certificate verification failed for (imp.acme.test). Action=Continue Error=unable to get local issuer certificate server=imp.acme.test(192.0.2.20) depth=2",
    );
    assert.equal(m?.type, "verification_failed");
    if (m?.type !== "verification_failed") return;
    assert.equal(m.error, "unable to get local issuer certificate");
    assert.equal(m.depth, 2);
    assert.equal(m.action, "Continue");
  });

  it("parses SNI failures and SSL connection failures with 1.1 and 3 codes", () => {
    assert.deepEqual(parseTrafficServerMessage("SNI (10.48.36.215) not in certificate. Action=Terminate server=10.48.36.215(10.48.36.215)"), {
      type: "sni_not_in_certificate",
      sni: "10.48.36.215",
      action: "Terminate",
      serverHost: "10.48.36.215",
      serverIp: "10.48.36.215",
    });
    const a = parseTrafficServerMessage("SSL connection failed for 'cucm.steven.lab': error:1416F086:SSL routines:tls_process_server_certificate:certificate verify failed");
    assert.equal(a?.type === "ssl_connection_failed" && a.code, "1416F086");
    const b = parseTrafficServerMessage("SSL connection failed for 'x': error:0A000086:SSL routines::certificate verify failed");
    assert.equal(b?.type === "ssl_connection_failed" && b.code, "0A000086");
  });

  it("returns null for other messages", () => {
    assert.equal(parseTrafficServerMessage("Traffic Server is fully initialized."), null);
  });
});

describe("traffic server native lines in the real layouts", () => {
  it("reads a line without spaces after the thread and the level", () => {
    const m = parseNativeMessage("[ET_NET 1]WARNING:Core server certificate verification failed for (cucm.steven.lab). Action=Terminate Error=self signed certificate server=cucm.steven.lab(10.48.36.215) depth=0")!;
    assert.equal(m.thread, "ET_NET 1");
    assert.equal(m.level, "WARNING");
    const f = parseTrafficServerMessage(m.text)!;
    assert.equal(f.type, "verification_failed");
    const ssl = parseTrafficServerMessage(parseNativeMessage("[ET_NET 1]ERROR:SSL connection failed for 'expc.cisco.com':error:14094418: SSL routines:ssl3_read_bytes:tlsv1 alert unknown ca")!.text)!;
    assert.deepEqual(ssl, { type: "ssl_connection_failed", name: "expc.cisco.com", error: "error:14094418: SSL routines:ssl3_read_bytes:tlsv1 alert unknown ca", code: "14094418" });
  });

  it("knows a node logged as server=(null)(ip) by its IP only, never as a host named null", () => {
    const m = parseTrafficServerMessage("Core server certificate verification failed for (10.48.36.216). Action=Terminate Error=self-signed certificate server=(null)(10.48.36.216) depth=0");
    assert.deepEqual(m, { type: "verification_failed", name: "10.48.36.216", action: "Terminate", error: "self-signed certificate", serverHost: null, serverIp: "10.48.36.216", depth: 0 });
  });

  it("reads `Origin hostname (x) not in certificate` as the name check", () => {
    const m = parseTrafficServerMessage("Origin hostname (imp.steven.lab) not in certificate. Action=Terminate server=imp.steven.lab(10.48.36.217)");
    assert.deepEqual(m, { type: "sni_not_in_certificate", sni: "imp.steven.lab", action: "Terminate", serverHost: "imp.steven.lab", serverIp: "10.48.36.217" });
  });
});
