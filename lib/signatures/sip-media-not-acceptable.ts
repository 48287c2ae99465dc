// Calls rejected 488 Not Acceptable Here: the two sides could not agree on media, most often
// encryption (one side requires SRTP, the other offers plain RTP), else no common codec. The card
// names what each side offered, from the SDP of the INVITEs.
import type { CallSummary, SdpOffer } from "@/lib/results/calls";
import { plural } from "@/lib/signatures/helpers";
import { type SignatureEvaluation, defineSignature } from "@/lib/signatures/signature";
import { type SipFacts, callList, callsAffected, callsEvidence, countedCalls, hasSipCalls, noCallsOutcome, okOutcome } from "@/lib/signatures/sip-call-common";

export const sipMediaNotAcceptable = defineSignature(
  {
    id: "sip-media-not-acceptable",
    version: 1,
    defects: [],
    title: "Calls rejected 488: media or encryption mismatch",
    severity: "high",
    category: "misconfiguration",
    area: "SIP calls / media",
    summary: "Calls answered 488 Not Acceptable Here, with what each side offered (RTP or SRTP, crypto suites, codecs): a zone or endpoint requiring encryption the other side does not offer, or no common codec.",
    products: ["Expressway-C", "Expressway-E"],
    inputs: ["network.sip SIPMSG blocks (SDP of the INVITEs)", "the 488 response and its Warning header"],
    needles: ["Response Code=488"],
    reads: ["sip"],
  },
  evaluate,
);

/** `audio RTP/SAVP (AES_CM_128_HMAC_SHA1_80) opus PCMU` per media line. */
export function describeOffer(o: SdpOffer): string {
  if (o.media.length === 0) return "no media lines";
  return o.media.map((m) => `${m.type} ${m.proto}${m.crypto.length ? ` with crypto ${m.crypto.join(", ")}` : m.proto.includes("SAVP") ? "" : ", no crypto"} (${m.codecs.slice(0, 4).join(" ") || "no codecs"})`).join("; ");
}

function encryption(o: SdpOffer): "srtp" | "rtp" | "mixed" | null {
  const kinds = new Set(o.media.map((m) => (m.proto.includes("SAVP") || m.crypto.length > 0 ? "srtp" : "rtp")));
  if (kinds.size === 0) return null;
  return kinds.size > 1 ? "mixed" : (kinds.values().next().value as "srtp" | "rtp");
}

function reasonOf(c: CallSummary): string {
  const caller = c.offers[0];
  const enc = caller ? encryption(caller) : null;
  const offered = enc === "rtp" ? "caller offered RTP only (no SRTP)" : enc === "srtp" ? "caller offered SRTP only" : enc === "mixed" ? "caller offered RTP and SRTP" : "caller's offer not logged";
  return `488${c.reason ? ` ${c.reason}` : ""}: ${offered}${c.warning ? ` (${c.warning})` : ""}`;
}

function evaluate(facts: SipFacts): SignatureEvaluation {
  if (!hasSipCalls(facts.sip)) return noCallsOutcome(facts, "a media mismatch");
  const calls = facts.sip.calls.filter((c) => c.code === 488 && c.state !== "answered");
  if (calls.length === 0) return okOutcome(facts, "No call was answered 488 Not Acceptable Here");
  const total = Math.max(calls.length, countedCalls(facts.sip, (cause) => cause.endsWith(" 488")));
  const sample = calls.find((c) => c.offers.length > 0) ?? calls[0];
  const sides = sample.offers.map((o) => `${o.from} → ${o.to}: ${describeOffer(o)}`);
  const callerEnc = sample.offers[0] ? encryption(sample.offers[0]) : null;
  const hint =
    callerEnc === "rtp"
      ? "The caller offered unencrypted media: a zone or the far end set to require encryption (Encryption mode `Force encrypted`, CUCM's SIP trunk security profile with SRTP only) refuses it."
      : callerEnc === "srtp"
        ? "The caller offered only encrypted media: a zone set to `Force unencrypted`, or a far end that cannot do SRTP, refuses it."
        : "The offers do not show encryption to blame: compare the codecs each side offered.";
  return {
    outcome: "issue",
    description: `${plural(total, "call")} ${total === 1 ? "was" : "were"} rejected with \`488 Not Acceptable Here\`: ${callList(calls)}. ${hint}${sample.warning ? ` The far end said: ${sample.warning}.` : ""}`,
    condition: `Final 488 responses to INVITEs. Offers of ${sample.from ?? "?"} → ${sample.to ?? "?"}:\n${sides.length > 0 ? sides.join("\n") : "(no SDP logged: network.sip was not at DEBUG)"}`,
    furtherInformation:
      "Each zone on Expressway has a media Encryption mode (`Force encrypted`, `Force unencrypted`, `Best effort`, `Auto`); B2BUA encryption conversion happens only when a zone forces one side. `Best effort` offers SRTP and RTP together; `Force encrypted` refuses a call whose offer has no crypto. MRA endpoints always send SRTP; CUCM needs an encrypted SIP trunk security profile to accept it.",
    action: [
      "1. Configuration > Zones: check the Encryption mode of the zones this call crossed (inbound and outbound); use `Auto` or `Best effort` unless one side must be forced.",
      "2. On CUCM: the SIP trunk's security profile (SRTP allowed) and the device's security profile must match what the Expressway sends.",
      "3. If encryption matches, compare the codecs each side offered (above) with the far end's region / codec preferences.",
    ].join("\n"),
    affected: callsAffected(calls, reasonOf),
    evidence: callsEvidence(calls),
  };
}
