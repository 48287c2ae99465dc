import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { decodeBase64Segment, decodeMraTarget, parseMraUrl } from "@/lib/facts/mra-target";
import { encodeMraTarget } from "@/tests/fixtures/build-bundle";

describe("MRA target decoding", () => {
  it("decodes the documented example", () => {
    assert.deepEqual(decodeMraTarget("c3RldmVuLmxhYi9odHRwcy8xMC40OC4zNi4yMTUvODQ0Mw"), {
      domain: "steven.lab",
      protocol: "https",
      host: "10.48.36.215",
      port: 8443,
    });
  });

  it("decodes a domain-only segment (get_edge_config)", () => {
    assert.deepEqual(decodeMraTarget("dGJ0cC5jb20"), { domain: "tbtp.com", protocol: null, host: null, port: null });
  });

  it("accepts both alphabets, with or without padding", () => {
    // "a.b/https/h~?/1" style payloads produce '-'/'_' in base64url and '+'/'/' in standard base64.
    const text = "acme.test/https/cucm>?.acme.test/8443";
    const std = Buffer.from(text).toString("base64");
    assert.ok(/[+/]/.test(std), "fixture must exercise the alphabet difference");
    assert.equal(decodeBase64Segment(std), text);
    assert.equal(decodeBase64Segment(std.replace(/=+$/, "")), text);
    const url = std.replace(/\+/g, "-").replace(/\//g, "_");
    assert.equal(decodeBase64Segment(url), text);
    assert.equal(decodeBase64Segment(url.replace(/=+$/, "")), text);
    for (const pad of [true, false]) {
      for (const alphabet of ["url", "standard"] as const) {
        const seg = encodeMraTarget("acme.test", { host: "cucm-pub.acme.test", port: 6972 }, { alphabet, pad });
        assert.equal(decodeMraTarget(seg)?.port, 6972);
      }
    }
  });

  it("rejects ordinary path segments", () => {
    for (const seg of ["cucm-uds", "CSFbwayne.cnf.xml", "get_edge_config", "vmrest", "abc", ""]) assert.equal(decodeMraTarget(seg), null, seg);
  });

  it("splits a proxied URL into target, path and user", () => {
    const abs = parseMraUrl("http://vcs_control.acme.test:8443/YWNtZS50ZXN0L2h0dHBzL2N1Y20tcHViLmFjbWUudGVzdC84NDQz/cucm-uds/user/bwayne/devices?max=100");
    assert.equal(abs.target?.host, "cucm-pub.acme.test");
    assert.equal(abs.path, "/cucm-uds/user/bwayne/devices?max=100");
    assert.equal(abs.user, "bwayne");
    const csf = parseMraUrl("/YWNtZS50ZXN0L2h0dHBzL2N1Y20tcHViLmFjbWUudGVzdC82OTcy/CSFbwayne.cnf.xml");
    assert.equal(csf.target?.port, 6972);
    assert.equal(csf.user, "bwayne");
    const edge = parseMraUrl("/dGJ0cC5jb20/get_edge_config/?service_name=_cisco-uds");
    assert.equal(edge.target?.domain, "tbtp.com");
    assert.equal(edge.path, "/get_edge_config/?service_name=_cisco-uds");
  });
});
