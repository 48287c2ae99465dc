import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { withoutNul } from "@/lib/results/without-nul";

describe("withoutNul", () => {
  it("replaces NULs in every string, keys too, and leaves a backslash before `u0000` text alone", () => {
    const value = { a: "x\u0000y", list: ["\u0000", { deep: "ok" }], "k\u0000": 1, literal: "C:\\u0000dir", both: "\\\u0000" };
    assert.deepEqual(withoutNul(value), { a: "x\uFFFDy", list: ["\uFFFD", { deep: "ok" }], "k\uFFFD": 1, literal: "C:\\u0000dir", both: "\\\uFFFD" });
  });

  it("returns the same object when there is nothing to replace", () => {
    const value = { a: "plain", n: 1, none: null };
    assert.equal(withoutNul(value), value);
  });
});
