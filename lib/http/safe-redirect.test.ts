import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { safeRedirect } from "@/lib/http/safe-redirect";

describe("safeRedirect", () => {
  it("keeps paths on this site, with their query and fragment", () => {
    assert.equal(safeRedirect("/analyses/abc?tab=issue#x"), "/analyses/abc?tab=issue#x");
    assert.equal(safeRedirect("/settings"), "/settings");
    assert.equal(safeRedirect("/hosts/expc1%C3%A9"), "/hosts/expc1%C3%A9");
  });

  it("sends every way of naming another site to the fallback", () => {
    for (const next of [
      "//evil.example",
      "/\t/evil.example",
      "/\n/evil.example",
      "/\r\n/evil.example",
      "/\\evil.example",
      "/\\/evil.example",
      "\\\\evil.example",
      "/%2f%2fevil.example",
      "/%2F/evil.example",
      "/%5cevil.example",
      "https://evil.example",
      "http:evil.example",
      "javascript:alert(1)",
      "evil.example",
      " /evil",
      "/ /evil",
    ]) {
      assert.equal(safeRedirect(next), "/", JSON.stringify(next));
    }
  });

  it("refuses control and non-ASCII characters instead of failing on them", () => {
    for (const next of ["/a\u0000b", "/a\u007fb", "/caf\u00e9", "/\u202eevil", "/\u3000/evil.example", "/\uff0f\uff0fevil.example"]) {
      assert.equal(safeRedirect(next), "/", JSON.stringify(next));
    }
  });

  it("uses the given fallback for missing, empty and overlong values", () => {
    assert.equal(safeRedirect(null, "/analyses"), "/analyses");
    assert.equal(safeRedirect(undefined), "/");
    assert.equal(safeRedirect(""), "/");
    assert.equal(safeRedirect(`/${"a".repeat(3000)}`), "/");
  });
});
