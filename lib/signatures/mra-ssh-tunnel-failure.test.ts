import { describe } from "node:test";
import { itGivesEveryAlarmOutcome } from "@/lib/signatures/alarm-test-cases";

// Alarm 35013 as the administrator guide's Alarms Reference words it (X15.0).
describe("mra-ssh-tunnel-failure", () => {
  itGivesEveryAlarmOutcome("mra-ssh-tunnel-failure", {
    alarm: { id: "35013", detail: "Unified Communications SSH tunnel failure: This system cannot communicate with one or more remote hosts: expe1.acme.test" },
    reason: /^35013 Unified Communications SSH tunnel failure/,
    action: /traversal zone/,
  });
});
