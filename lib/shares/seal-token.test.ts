import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { sealToken, unsealToken } from "@/lib/shares/seal-token";

const SECRET = "a-test-secret-that-is-long-enough-000000";

describe("sealed share tokens", () => {
  it("gives the token back under the same secret", () => {
    const sealed = sealToken("eas_abc", SECRET);
    assert.notEqual(sealed.includes("eas_abc"), true);
    assert.equal(unsealToken(sealed, SECRET), "eas_abc");
  });

  it("gives nothing under another secret, for a tampered value or for none", () => {
    const sealed = sealToken("eas_abc", SECRET);
    assert.equal(unsealToken(sealed, `${SECRET}x`), null);
    const parts = sealed.split(".");
    parts[2] = Buffer.from("eas_abd").toString("base64url");
    assert.equal(unsealToken(parts.join("."), SECRET), null);
    assert.equal(unsealToken(null, SECRET), null);
    assert.equal(unsealToken("garbage", SECRET), null);
  });

  it("seals the same token differently each time", () => {
    assert.notEqual(sealToken("eas_abc", SECRET), sealToken("eas_abc", SECRET));
  });
});
