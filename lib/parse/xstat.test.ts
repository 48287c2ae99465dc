import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { type XstatEntry, XstatReader, xmlStatusPath } from "@/lib/parse/xstat";

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

// Real XACLI layouts. TANDBERG Gatekeeper/Border Controller API User Guide D14172.01 (July 2008,
// the VCS's predecessor; section 2.2 "The Status-type root commands", pages 24-25, e.g.
// http://office.manualsonline.com/manuals/mfg/tandberg/d1417201.html?p=25) prints Examples 2.4 and
// 2.5 below; its pages lose the indentation, which the guide gives as "increased by two whitespaces
// for each level", so it is put back here.
describe("the real XACLI layout", () => {
  it("reads an attribute in parentheses as a leaf of its element (Example 2.5, NTP)", () => {
    const text = ["*s NTP (status=Active):", '  Address: "10.0.0.2"', "  Port: 123", '  LastUpdate: "2008-01-01 12:00:00"', "  LastCorrection: 1", "*s/end", "OK"].join("\n");
    assert.deepEqual(read(text), [
      { path: "NTP/status", value: "Active" },
      { path: "NTP/Address", value: "10.0.0.2" },
      { path: "NTP/Port", value: "123" },
      { path: "NTP/LastUpdate", value: "2008-01-01 12:00:00" },
      { path: "NTP/LastCorrection", value: "1" },
    ]);
  });

  it("reads blocks without a slash and several attributes beside a value (Example 2.4, an alias)", () => {
    const text = ["*s Registrations:", "  Registration 1:", "    Aliases:", '      Alias 1 (type=H323Id, origin=Endpoint): "alice@example.com"', "*s/end", "OK"].join("\n");
    assert.deepEqual(read(text), [
      { path: "Registrations/Registration/1/Aliases/Alias/1/type", value: "H323Id" },
      { path: "Registrations/Registration/1/Aliases/Alias/1/origin", value: "Endpoint" },
      { path: "Registrations/Registration/1/Aliases/Alias/1", value: "alice@example.com" },
    ]);
  });

  it("closes the top element at `*s/end`: an indented line after it joins no block", () => {
    // `*s/end` ends each top element: greenbone's VCS detection (qweasader/gbn,
    // gb_cisco_vcs_ssh_detect.nasl) stops reading `*s SystemUnit: /` at the first `*s/end`.
    assert.deepEqual(read(["*s SystemUnit: /", "     Uptime: 8812", "*s/end", "     Uptime: 1"].join("\n")), [{ path: "SystemUnit/Uptime", value: "8812" }]);
  });

  it("reads a first level five spaces in and two more a level, as Expressway prints `xstat cafe`", () => {
    // Cisco's management connector tests parse `xstat cafe` from `*s Cafe: /` to `*s/end` with
    // "each level of indentation is 2 spaces" after removing the first five
    // (Reetika2608/Virtual-Key-for-your-Repositories, tests_integration/registered_tests/registered_test.py,
    // parse_xstatus); the keys and quoted values are the ones that test compares.
    const text = ["*s Cafe: /", "     c_mgmt: /", '       enabled: "True"', '       running: "True"', '       operational_status: "operational"', "*s/end"].join("\n");
    assert.deepEqual(read(text), [
      { path: "Cafe/c_mgmt/enabled", value: "True" },
      { path: "Cafe/c_mgmt/running", value: "True" },
      { path: "Cafe/c_mgmt/operational_status", value: "operational" },
    ]);
  });
});

describe("xml status paths", () => {
  it("leaves out item 1 where the text hides it and keeps instance numbers where elements repeat", () => {
    assert.equal(xmlStatusPath(["SystemUnit 1", "Software 1", "Version 1"]), "SystemUnit/Software/Version");
    assert.equal(xmlStatusPath(["Zones 1", "Zone 1", "status"]), "Zones/Zone/1/status");
    assert.equal(xmlStatusPath(["Zones 1", "Zone 2", "Gatekeeper 1", "Cause 1"]), "Zones/Zone/2/Gatekeeper/Cause");
    assert.equal(xmlStatusPath(["Warnings 1", "Warning 1", "ID 1"]), "Warnings/Warning/1/ID");
    assert.equal(xmlStatusPath(["Registrations 1", "Registration 1", "Aliases 1", "Alias 1"]), "Registrations/Registration/1/Aliases/Alias/1");
    assert.equal(xmlStatusPath(["NTP", "Address"]), "NTP/Address");
  });
});
