import { describe } from "node:test";
import { itGivesEveryAlarmOutcome } from "@/lib/signatures/alarm-test-cases";

// Alarm 15032 as the administrator guide's Alarms Reference words it (X15.0).
describe("unified-cm-server-unavailable", () => {
  itGivesEveryAlarmOutcome("unified-cm-server-unavailable", {
    alarm: { id: "15032", detail: "Unified CM server unavailable: Unified CM configuration for publisher cucm-pub.acme.test includes unavailable servers" },
    reason: /^15032 Unified CM server unavailable/,
    action: /refresh the Unified CM servers/,
  });
});
