import { describe } from "node:test";
import { itGivesEveryAlarmOutcome } from "@/lib/signatures/alarm-test-cases";

// Alarm 10002 as the administrator guide's Alarms Reference words it (X15.0).
describe("hardware-failure", () => {
  itGivesEveryAlarmOutcome("hardware-failure", {
    alarm: { id: "10002", detail: "RAID degraded: Disk 1 has failed", severity: "critical" },
    reason: /^10002 RAID degraded/,
    action: /RMA process/,
    severity: "critical",
  });
});
