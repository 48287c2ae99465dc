import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { DumpXmlReader, type XmlLeaf } from "@/lib/parse/dump-xml";

describe("xml dumps", () => {
  it("reads leaf values by path, with item numbers", () => {
    const out: XmlLeaf[] = [];
    const r = new DumpXmlReader((l) => out.push(l));
    const xml = [
      '<?xml version="1.0"?>',
      "<Configuration>",
      "  <EdgeConfigServer>",
      "    <VerifyOriginServer>Off</VerifyOriginServer>",
      '    <UnifiedCM item="1"><Address>cucm &amp; co</Address></UnifiedCM>',
      "  </EdgeConfigServer>",
      "</Configuration>",
    ];
    xml.forEach((l, i) => r.push(l, i + 1));
    assert.deepEqual(out, [
      { path: ["Configuration", "EdgeConfigServer", "VerifyOriginServer"], value: "Off" },
      { path: ["Configuration", "EdgeConfigServer", "UnifiedCM 1", "Address"], value: "cucm & co" },
    ]);
  });
});
