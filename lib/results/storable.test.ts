import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { storable } from "@/lib/results/storable";

describe("storable", () => {
  it("replaces NULs in every string, keys too, and leaves a backslash before `u0000` text alone", () => {
    const value = { a: "x\u0000y", list: ["\u0000", { deep: "ok" }], "k\u0000": 1, literal: "C:\\u0000dir", both: "\\\u0000" };
    assert.deepEqual(storable(value), { a: "x\uFFFDy", list: ["\uFFFD", { deep: "ok" }], "k\uFFFD": 1, literal: "C:\\u0000dir", both: "\\\uFFFD" });
  });

  it("replaces a surrogate left alone by a clip, and keeps whole pairs", () => {
    const clipped = "Detail=\"smile 😀 done\"".slice(0, 15); // ends with the pair's first half
    assert.equal(clipped.length, 15);
    assert.deepEqual(storable({ text: clipped, whole: "😀", low: "\udc00x" }), { text: `${clipped.slice(0, 14)}\uFFFD`, whole: "😀", low: "\uFFFDx" });
  });

  it("returns the same object when there is nothing to replace", () => {
    const value = { a: "plain", n: 1, none: null, emoji: "😀" };
    assert.equal(storable(value), value);
  });
});
