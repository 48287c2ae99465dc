import { describe } from "node:test";
import { itGivesEveryAlarmOutcome } from "@/lib/signatures/alarm-test-cases";

// Alarm 20011 as the administrator guide's Alarms Reference words it (X15.0).
describe("cluster-replication-error", () => {
  itGivesEveryAlarmOutcome("cluster-replication-error", {
    alarm: { id: "20011", detail: "Cluster replication error: This peer's configuration conflicts with the primary's configuration, manual synchronization of configuration is required" },
    reason: /^20011 Cluster replication error/,
    action: /ForceConfigUpdate/,
  });
});
