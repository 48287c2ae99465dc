import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { compareVersions, isAtLeast, parseExpresswayVersion } from "@/lib/facts/expressway-version";

describe("Expressway versions", () => {
  it("parses X-versions with two or three parts", () => {
    assert.deepEqual(parseExpresswayVersion("X14.2.1"), { major: 14, minor: 2, patch: 1, text: "X14.2.1" });
    assert.deepEqual(parseExpresswayVersion("X15.0"), { major: 15, minor: 0, patch: 0, text: "X15.0" });
    assert.equal(parseExpresswayVersion("X8.11.4")?.minor, 11);
    assert.equal(parseExpresswayVersion("unknown"), null);
    assert.equal(parseExpresswayVersion(null), null);
  });

  it("orders numerically, not as text", () => {
    const v = (s: string) => parseExpresswayVersion(s)!;
    assert.ok(compareVersions(v("X8.11.4"), v("X14.2")) < 0);
    assert.ok(isAtLeast(v("X14.2.0"), 14, 2));
    assert.ok(isAtLeast(v("X15.0"), 14, 2));
    assert.ok(!isAtLeast(v("X14.0.7"), 14, 2));
  });
});
