import { describe } from "node:test";
import { itGivesEveryAlarmOutcome } from "@/lib/signatures/alarm-test-cases";

// Alarm 30042 as the administrator guide's Alarms Reference words it (X15.0).
describe("smart-licensing-compliance", () => {
  itGivesEveryAlarmOutcome("smart-licensing-compliance", {
    alarm: { id: "30042", detail: "Smart license communication error: The system failed to communicate with cloud-based Cisco Smart Software Manager or On-Prem", severity: "error" },
    reason: /^30042 Smart license communication error/,
    action: /Smart Software Manager/,
  });
});
