import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { buildAlarmFacts } from "@/lib/facts/alarm-facts";
import { StatusDumpCollector, type StatusDumpFacts } from "@/lib/facts/status-dump";
import { XstatReader } from "@/lib/parse/xstat";
import { XSTAT_NTP_ACTIVE, realXstat, xstatWarnings, xstatZones } from "@/tests/fixtures/real-layouts/lines";

const FILE = "xstat_dump_vcsc_2024-03-05_09_12_40.txt";

function collect(text: string): StatusDumpFacts {
  const c = new StatusDumpCollector();
  c.startFile(FILE);
  const lines = text.split("\n");
  const r = new XstatReader((e, n) => c.onEntry(FILE, e.path, e.value, n, lines[n - 1].trim()));
  lines.forEach((l, i) => r.push(l, i + 1));
  return c.finish()!;
}

describe("status dump facts on the real layouts", () => {
  // 20006's text is TN 217230's log line for it, 15010's the administrator guide's title and meaning.
  it("takes an alarm's text from the Warnings list's Reason and keeps acknowledged alarms open", () => {
    const reason = "Cluster database communication failure: The database is unable to replicate with one or more of the cluster peers";
    const dump = collect(`${realXstat()}${xstatWarnings([{ id: "20006", reason }, { id: "15010", reason: "Application failed: An unexpected software error was detected in a module", state: "Acknowledged" }])}`);
    assert.equal(dump.alarmSectionSeen, true);
    assert.deepEqual(
      dump.alarms.map((a) => [a.id, a.description, a.state, a.source.text]),
      [
        ["20006", reason, "Unacknowledged", "ID: 20006"],
        ["15010", "Application failed: An unexpected software error was detected in a module", "Acknowledged", "ID: 15010"],
      ],
    );
    const alarms = buildAlarmFacts([], dump);
    assert.deepEqual(alarms.open.map((a) => [a.id, a.detail, a.source]), [
      ["15010", "Application failed: An unexpected software error was detected in a module", "status"],
      ["20006", reason, "status"],
    ]);
  });

  it("reads the zone and NTP state attributes, and the uptime", () => {
    const dump = collect(`${realXstat()}${XSTAT_NTP_ACTIVE}${xstatZones("failed")}`);
    assert.deepEqual(dump.ntp.map((n) => n.status), ["Active"]);
    assert.deepEqual(dump.uptime.map((u) => u.seconds), [8812]);
    assert.deepEqual(dump.zones.map((z) => [z.key, z.name, z.statuses.map((s) => `${s.path}=${s.value}`), z.causes]), [
      ["Zone 2", "MyNeighbor", ["status=Failed", "Gatekeeper/status=Failed"], ["No gatekeeper reachable", "DNS Resolution Failed"]],
    ]);
  });
});
