// Answered calls that all end after the same time: a timer, not a person, hangs up (a session
// timer refresh that fails, a firewall's idle timeout on the signalling, a licence or policy limit).
import type { CallSummary } from "@/lib/results/calls";
import { plural } from "@/lib/signatures/helpers";
import { type SignatureEvaluation, defineSignature } from "@/lib/signatures/signature";
import { type SipFacts, callList, callsAffected, callsEvidence, hasSipCalls, noCallsOutcome, okOutcome } from "@/lib/signatures/sip-call-common";

export const sipCallFixedDuration = defineSignature(
  {
    id: "sip-call-fixed-duration",
    version: 1,
    defects: [],
    title: "Calls dropped after a fixed time",
    severity: "high",
    category: "misconfiguration",
    area: "SIP calls",
    summary: "Three or more answered calls ended by a BYE after the same duration (within 2%, at least a minute): a session timer or idle timeout, not the users, ends them. Names who sent the BYE and its Reason.",
    products: ["Expressway-C", "Expressway-E"],
    inputs: ["network.sip summary lines (INVITE 200 OK and BYE per call)", "the BYE's Reason header"],
    needles: ["Method=BYE"],
    reads: ["sip"],
  },
  evaluate,
);

const MIN_CALLS = 3;
const MIN_SECONDS = 60;

/** The largest group of calls whose durations lie within 2% (and 3 s) of each other. */
export function fixedDurationGroup(calls: readonly CallSummary[]): CallSummary[] {
  const ended = calls.filter((c) => c.state === "answered" && c.endedBy !== null && c.durationSeconds !== null && c.durationSeconds >= MIN_SECONDS).sort((a, b) => a.durationSeconds! - b.durationSeconds!);
  let best: CallSummary[] = [];
  let lo = 0;
  for (let hi = 0; hi < ended.length; hi++) {
    const top = ended[hi].durationSeconds!;
    while (top - ended[lo].durationSeconds! > Math.max(3, top * 0.02)) lo++;
    if (hi - lo + 1 > best.length) best = ended.slice(lo, hi + 1);
  }
  return best.length >= MIN_CALLS ? best : [];
}

function evaluate(facts: SipFacts): SignatureEvaluation {
  if (!hasSipCalls(facts.sip)) return noCallsOutcome(facts, "calls dropped by a timer");
  const group = fixedDurationGroup(facts.sip.calls);
  if (group.length === 0) return okOutcome(facts, `No ${MIN_CALLS} answered calls ended after the same time`);
  const secs = group.map((c) => c.durationSeconds!);
  const mean = Math.round(secs.reduce((a, b) => a + b, 0) / secs.length);
  const by = [...new Set(group.map((c) => c.endedBy))];
  const reasons = [...new Set(group.map((c) => c.endReason).filter(Boolean))];
  const minutes = mean >= 120 ? ` (${(mean / 60).toFixed(mean % 60 === 0 ? 0 : 1)} min)` : "";
  return {
    outcome: "issue",
    description: `${plural(group.length, "answered call")} ended after about ${mean} s${minutes}: ${callList(group)}. The BYE came from ${by.join(", ")}${reasons.length ? ` with Reason ${reasons.map((r) => `\`${r}\``).join(", ")}` : " without a Reason header"}.`,
    condition: `At least ${MIN_CALLS} answered calls whose durations agree within 2% (${Math.min(...secs)}–${Math.max(...secs)} s).`,
    furtherInformation:
      "Calls that always last the same time are ended by a timer. Typical: a SIP session timer (Session-Expires, often 1800 s; the refresh re-INVITE or UPDATE is lost or refused, so a side sends BYE at expiry), a firewall or NAT idle timeout on the signalling connection (the next request cannot get through), or a media inactivity timer. The side that sends the BYE is the one whose timer fired.",
    action: [
      "1. Open one of the calls' ladders: look for the re-INVITE / UPDATE near half the duration and its answer.",
      "2. If the BYE comes from CUCM or an endpoint, check its session timer and its SIP profile; if from the Expressway, the zone's SIP session refresh settings.",
      "3. Check TCP / TLS idle timeouts on firewalls between the hops (they must exceed the session refresh interval).",
    ].join("\n"),
    affected: callsAffected(group, (c) => `ended after ${c.durationSeconds} s by ${c.endedBy}${c.endReason ? ` (${c.endReason})` : ""}`),
    evidence: callsEvidence(group),
  };
}
