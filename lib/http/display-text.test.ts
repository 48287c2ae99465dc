import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { decodeHeaderText, removeDisguises } from "@/lib/http/display-text";

const asHeader = (s: string) => Buffer.from(s, "utf8").toString("latin1");

describe("decodeHeaderText", () => {
  it("reads raw UTF-8 bytes as UTF-8", () => {
    assert.equal(decodeHeaderText(asHeader("zürich_東京.tar.gz")), "zürich_東京.tar.gz");
  });

  it("keeps ASCII, Latin-1 that is not UTF-8, and text that is already Unicode", () => {
    assert.equal(decodeHeaderText("plain.tar.gz"), "plain.tar.gz");
    assert.equal(decodeHeaderText("caf\u00e9.tar.gz"), "café.tar.gz");
    assert.equal(decodeHeaderText("東京.tar.gz"), "東京.tar.gz");
  });
});

describe("removeDisguises", () => {
  it("removes bidirectional overrides, isolates, marks, zero-width and control characters", () => {
    assert.equal(removeDisguises("report_\u202egpj.tar.gz"), "report_gpj.tar.gz");
    assert.equal(removeDisguises("a\u2066b\u2069c\u200fd\u200be\u0085f\u0007g\ufeff"), "abcdefg");
  });

  it("keeps letters of every script", () => {
    assert.equal(removeDisguises("سجل_diagnostic_東京_zürich"), "سجل_diagnostic_東京_zürich");
  });
});
