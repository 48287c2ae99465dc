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

describe("xml status dumps", () => {
  it("gives the state attributes of the real status document as leaves (D14172.01, Examples 1.2, 1.3, 1.9)", () => {
    // TANDBERG Gatekeeper/Border Controller API User Guide D14172.01, page 10 (Example 1.9,
    // http://www.manualslib.com/manual/168169/Tandberg-Gatekeeper-Border-Controller-Api-D14172-01.html?page=10),
    // as printed, and the empty NTP element of an inactive NTP (page 4).
    const xml = [
      "<Status>",
      '<Zones item="1">',
      '<Zone item="2" status="Failed">',
      '<Cause item="1">No gatekeeper reachable</Cause>',
      '<Name item="1">MyNeighbor</Name>',
      '<Gatekeeper item="1" status="Failed">',
      '<Cause item="1">DNS Resolution Failed</Cause>',
      "<Address >baddns.example.com</Address>",
      '<Port item="1">1719</Port>',
      "</Gatekeeper>",
      '<Calls item="1"/>',
      "</Zone>",
      "</Zones>",
      '<NTP item="1" status="Inactive"/>',
      "</Status>",
    ];
    const out: XmlLeaf[] = [];
    const r = new DumpXmlReader((l) => out.push(l), { attributes: true });
    xml.forEach((l, i) => r.push(l, i + 1));
    assert.deepEqual(
      out.map((l) => `${l.path.join("/")}=${l.value}`),
      [
        "Status/Zones 1/Zone 2/status=Failed",
        "Status/Zones 1/Zone 2/Cause 1=No gatekeeper reachable",
        "Status/Zones 1/Zone 2/Name 1=MyNeighbor",
        "Status/Zones 1/Zone 2/Gatekeeper 1/status=Failed",
        "Status/Zones 1/Zone 2/Gatekeeper 1/Cause 1=DNS Resolution Failed",
        "Status/Zones 1/Zone 2/Gatekeeper 1/Address=baddns.example.com",
        "Status/Zones 1/Zone 2/Gatekeeper 1/Port 1=1719",
        "Status/NTP 1/status=Inactive",
      ],
    );
  });

  it("keeps attributes out of configuration paths unless asked", () => {
    const out: XmlLeaf[] = [];
    const r = new DumpXmlReader((l) => out.push(l));
    r.push('<Configuration><SNMP item="1"><Mode item="1" valueSpaceRef="/ValueSpace/Mode">On</Mode></SNMP></Configuration>', 1);
    assert.deepEqual(out, [{ path: ["Configuration", "SNMP 1", "Mode 1"], value: "On" }]);
  });
});
