import { describe } from "node:test";
import { itGivesEveryAlarmOutcome } from "@/lib/signatures/alarm-test-cases";

// Alarm 40005 as the administrator guide's Alarms Reference words it (X15.0).
describe("default-passwords", () => {
  itGivesEveryAlarmOutcome("default-passwords", {
    alarm: { id: "40005", detail: "Insecure password in use: The admin user has the default password set", severity: "error" },
    reason: /^40005 Insecure password in use/,
    action: /Change the admin password/,
  });
});
