// details.sip: the counts of calls and registrations the overview shows on its Calls tab, so the
// page knows whether there is a list to load before it loads it.
import type { CallsOutput, SipDetail } from "@/lib/results/calls";
import { refusedAttempts } from "@/lib/facts/sip/registrations";

export function buildSipDetail(sip: CallsOutput): SipDetail | undefined {
  if (sip.counts.calls === 0 && sip.counts.registrations === 0 && sip.reading.summaryLines === 0 && sip.reading.messageBlocks === 0) return undefined;
  const byState = sip.counts.byState;
  const failedCalls = (byState.rejected ?? 0) + (byState.failed ?? 0);
  return {
    calls: sip.counts.calls,
    failedCalls,
    byState,
    registrations: sip.counts.registrations,
    refusedRegistrations: sip.registrations.filter((r) => refusedAttempts(r) > 0 && !r.outcomes["200"]).length,
    reading: sip.reading,
  };
}
