import { describe } from "node:test";
import { itGivesEveryAlarmOutcome } from "@/lib/signatures/alarm-test-cases";

// Alarm 25030 as the administrator guide's Alarms Reference words it (X15.0).
describe("expressway-e-reverse-dns", () => {
  itGivesEveryAlarmOutcome("expressway-e-reverse-dns", {
    alarm: { id: "25030", detail: "Reverse DNS Lookup failed: Failed to do reverse DNS Lookup for address 198.51.100.7. This can cause MRA login to fail.", severity: "error" },
    reason: /^25030 Reverse DNS Lookup failed/,
    action: /PTR record/,
  });
});
