import { describe } from "node:test";
import { itGivesEveryAlarmOutcome } from "@/lib/signatures/alarm-test-cases";

// Alarm 15028 as the administrator guide's Alarms Reference words it (X15.0).
describe("restart-required-pending", () => {
  itGivesEveryAlarmOutcome("restart-required-pending", {
    alarm: { id: "15028", detail: "Restart required: Server certificate and private key have been changed, however a restart is required for this to take effect." },
    reason: /^15028 Restart required/,
    action: /Restart the Expressway/,
  });
});
