import { describe } from "node:test";
import { itGivesEveryAlarmOutcome } from "@/lib/signatures/alarm-test-cases";

// Alarm 40049 as the administrator guide's Alarms Reference words it (X15.0).
describe("cluster-tls-permissive", () => {
  itGivesEveryAlarmOutcome("cluster-tls-permissive", {
    alarm: { id: "40049", detail: "Cluster TLS permissive: Cluster TLS verification mode permits invalid certificates", severity: "notice" },
    reason: /^40049 Cluster TLS permissive/,
    action: /Enforcing/,
    severity: "low",
  });
});
