import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { parseXconfLine } from "@/lib/parse/xconf";

describe("xconf_dump lines", () => {
  it("reads unquoted and quoted values", () => {
    assert.deepEqual(parseXconfLine("*c xConfiguration EdgeConfigServer VerifyOriginServer: Off"), {
      key: "EdgeConfigServer VerifyOriginServer",
      value: "Off",
    });
    assert.deepEqual(parseXconfLine('*c xConfiguration Ciphers HTTPSClientTls Value: "ECDHE-RSA-AES256-GCM-SHA384:EECDH:!aDH"'), {
      key: "Ciphers HTTPSClientTls Value",
      value: "ECDHE-RSA-AES256-GCM-SHA384:EECDH:!aDH",
    });
    assert.equal(parseXconfLine('*c xConfiguration Zones  Zone 1 Name: "CollabEdge-UTZ"')?.key, "Zones Zone 1 Name");
  });

  it("ignores junk", () => {
    assert.equal(parseXconfLine("OK"), null);
    assert.equal(parseXconfLine("*c xConfiguration"), null);
    assert.equal(parseXconfLine("hello xConfiguration A: B"), null);
  });
});
