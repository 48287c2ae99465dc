// Calls challenged with 401 / 407 again and again and never let through: the caller's credentials
// are wrong (or missing) for the zone or the registrar that challenges it.
import type { CallSummary } from "@/lib/results/calls";
import { plural } from "@/lib/signatures/helpers";
import { type SignatureEvaluation, defineSignature } from "@/lib/signatures/signature";
import { type SipFacts, callList, callsAffected, callsEvidence, hasSipCalls, noCallsOutcome, okOutcome } from "@/lib/signatures/sip-call-common";

export const sipChallengeLoop = defineSignature(
  {
    id: "sip-challenge-loop",
    version: 1,
    defects: [],
    title: "Calls challenged 401 / 407 that never succeed",
    severity: "high",
    category: "misconfiguration",
    area: "SIP calls / authentication",
    summary: "Calls whose INVITE was challenged (401 Unauthorized / 407 Proxy Authentication Required) and that never got through: the caller's credentials are refused.",
    products: ["Expressway-C", "Expressway-E"],
    inputs: ["network.sip summary lines (INVITE responses by CSeq)"],
    needles: ["Response Code=401", "Response Code=407"],
    reads: ["sip"],
  },
  evaluate,
);

const stuck = (c: CallSummary) => c.state !== "answered" && (c.challenges >= 2 || (c.challenges >= 1 && (c.code === 401 || c.code === 407)));

function evaluate(facts: SipFacts): SignatureEvaluation {
  if (!hasSipCalls(facts.sip)) return noCallsOutcome(facts, "repeated authentication challenges");
  const calls = facts.sip.calls.filter(stuck);
  if (calls.length === 0) return okOutcome(facts, "No call was left stuck on 401 / 407 challenges");
  return {
    outcome: "issue",
    description: `${plural(calls.length, "call")} ${calls.length === 1 ? "was" : "were"} challenged for credentials and never let through: ${callList(calls)}. The caller answered the challenge (or gave up) without credentials the challenger accepts.`,
    condition: "Calls not answered whose INVITEs were challenged 401 / 407 more than once, or whose last answer was the challenge.",
    furtherInformation:
      "A first 401 / 407 is normal: the caller resends the INVITE with credentials. A second challenge to the new CSeq means the credentials were refused. On Expressway this is the zone's `Authentication policy` (Check credentials) against the local database or an H.350 directory; on traversal zones, the client's username and password.",
    action: [
      "1. Find who challenges (the 401 / 407 arrow in the ladder): the Expressway itself, or the next hop.",
      "2. On the Expressway: Configuration > Authentication > Devices > Local database: the device's username and password; or set the zone's Authentication policy to `Do not check credentials` if the device is trusted.",
      "3. On the device: the SIP username / password it uses for this domain.",
    ].join("\n"),
    affected: callsAffected(calls, (c) => `${plural(c.challenges, "challenge")}${c.code !== null ? `, final ${c.code}${c.reason ? ` ${c.reason}` : ""}` : ", no final answer"}`),
    evidence: callsEvidence(calls),
  };
}
