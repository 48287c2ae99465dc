import { describe } from "node:test";
import { itGivesEveryAlarmOutcome } from "@/lib/signatures/alarm-test-cases";

// Alarm 15008 as the administrator guide's Alarms Reference words it (X15.0).
describe("database-failure", () => {
  itGivesEveryAlarmOutcome("database-failure", {
    alarm: { id: "15008", detail: "Failed to load database: The database failed to load; some configuration data has been lost" },
    reason: /^15008 Failed to load database/,
    action: /Restore system data from backup/,
  });
});
