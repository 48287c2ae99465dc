import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { type XstatEntry, XstatReader } from "@/lib/parse/xstat";

function read(text: string): XstatEntry[] {
  const out: XstatEntry[] = [];
  const r = new XstatReader((e) => out.push(e));
  text.split("\n").forEach((l, i) => r.push(l, i + 1));
  return out;
}

describe("xstat_dump blocks", () => {
  it("flattens indented blocks into paths", () => {
    const entries = read(
      ['*s SystemUnit: /', '    Product: "Cisco Expressway"', "    Software: /", '      Version: "X14.2.1"', '      Name: "Release"', "    Uptime: 12", '*s Hostname: "expc1"', "junk", "** end"].join("\n"),
    );
    const map = Object.fromEntries(entries.map((e) => [e.path, e.value]));
    assert.equal(map["SystemUnit/Product"], "Cisco Expressway");
    assert.equal(map["SystemUnit/Software/Version"], "X14.2.1");
    assert.equal(map["SystemUnit/Uptime"], "12");
    assert.equal(map.Hostname, "expc1");
  });

  it("reads flat multi-word *s lines", () => {
    assert.deepEqual(read('*s SystemUnit Software Version: "X8.11.4"'), [{ path: "SystemUnit/Software/Version", value: "X8.11.4" }]);
  });
});
