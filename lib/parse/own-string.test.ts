import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { setFlagsFromString } from "node:v8";
import { runInNewContext } from "node:vm";
import { own, ownOrNull, word } from "@/lib/parse/own-string";

setFlagsFromString("--expose-gc");
const gc = runInNewContext("gc") as () => void;

describe("own", () => {
  it("keeps the value", () => {
    const line = `${"x".repeat(500)}Call-ID=4f1c9a0e2b7d4c8e9f0a1b2c3d4e5f60@10.81.54.5 tail`;
    const cut = line.slice(500, 550);
    assert.equal(own(cut), cut);
    assert.equal(own("short"), "short");
    assert.equal(ownOrNull(null), null);
    assert.equal(ownOrNull(cut), cut);
  });

  it("lets the line it was cut from go", () => {
    const heldBy = (keep: (s: string) => string) => {
      gc();
      const before = process.memoryUsage().heapUsed;
      const kept: string[] = [];
      for (let i = 0; i < 20_000; i++) {
        const line = Buffer.from(`${"x".repeat(4000)}${i}-${Math.random()}`).toString("latin1");
        kept.push(keep(line.slice(100, 140)));
      }
      gc();
      const grown = process.memoryUsage().heapUsed - before;
      assert.equal(kept.length, 20_000);
      return grown;
    };
    const sliced = heldBy((s) => s);
    const owned = heldBy(own);
    // 20,000 cuts of 4 KB lines: ~80 MB while the cuts hold their lines, ~2 MB once owned
    assert.ok(sliced > 40e6, `the plain cuts should hold their lines (${sliced} bytes)`);
    assert.ok(owned < 10e6, `owned cuts held ${owned} bytes`);
  });
});

describe("word", () => {
  it("keeps one copy of a word however often it is kept", () => {
    const heldBy = (keep: (s: string) => string) => {
      gc();
      const before = process.memoryUsage().heapUsed;
      const kept: string[] = [];
      for (let i = 0; i < 200_000; i++) kept.push(keep(`m=audio ${i} RTP/SAVP 114 AES_CM_128_HMAC_SHA1_80`.split(" ")[4]));
      gc();
      assert.equal(kept[7], "AES_CM_128_HMAC_SHA1_80");
      return process.memoryUsage().heapUsed - before;
    };
    const owned = heldBy(own);
    const words = heldBy(word);
    // the kept array itself is ~1.6 MB either way; 200,000 owned copies add ~10 MB more
    assert.ok(owned - words > 5e6, `owned ${owned}, words ${words}`);
  });
});
