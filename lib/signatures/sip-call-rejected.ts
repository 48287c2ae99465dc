// Calls rejected with one final code, one card per cause: 404 (no search rule matched the dialled
// alias, or the far end does not know it), 403 (traversal credentials, call policy), 480/408 (the
// callee cannot be reached), 503 (capacity, licences, no route). The media mismatch (488) has its
// own card, since what each side offered is the diagnosis.
import type { CallSummary } from "@/lib/results/calls";
import { plural } from "@/lib/signatures/helpers";
import { type Signature, type SignatureEvaluation, defineSignature } from "@/lib/signatures/signature";
import { type SipFacts, callList, callsAffected, callsEvidence, countedCalls, hasSipCalls, noCallsOutcome, okOutcome } from "@/lib/signatures/sip-call-common";

type Spec = {
  id: string;
  codes: number[];
  title: string;
  severity: "high" | "medium";
  summary: string;
  what: string;
  reason: (c: CallSummary) => string;
  explain: (calls: CallSummary[], total: number) => { description: string; furtherInformation: string; action: string };
};

function defineRejection(spec: Spec): Signature {
  return defineSignature(
    {
      id: spec.id,
      version: 1,
      defects: [],
      title: spec.title,
      severity: spec.severity,
      category: "misconfiguration",
      area: "SIP calls",
      summary: spec.summary,
      products: ["Expressway-C", "Expressway-E"],
      inputs: ["network.sip summary lines and SIPMSG blocks (calls by Call-ID and Session-ID)", "Event log Search Completed lines"],
      needles: [...spec.codes.map((c) => `Response Code=${c}`), ...(spec.codes.includes(404) ? ["Search Completed"] : [])],
      reads: ["sip"],
    },
    (facts: SipFacts): SignatureEvaluation => {
      if (!hasSipCalls(facts.sip)) return noCallsOutcome(facts, spec.what);
      const calls = facts.sip.calls.filter((c) => (c.state === "rejected" || c.state === "failed") && c.code !== null && spec.codes.includes(c.code));
      const total = countedCalls(facts.sip, (cause) => spec.codes.some((code) => cause.endsWith(` ${code}`)));
      if (calls.length === 0) return okOutcome(facts, `No call was answered ${spec.codes.join(" or ")}`);
      const texts = spec.explain(calls, Math.max(total, calls.length));
      return {
        outcome: "issue",
        description: texts.description,
        condition: `${plural(Math.max(total, calls.length), "call")} whose INVITE got a final ${spec.codes.join("/")} response.`,
        furtherInformation: texts.furtherInformation,
        action: texts.action,
        affected: callsAffected(calls, spec.reason),
        evidence: callsEvidence(calls),
      };
    },
  );
}

const codeText = (c: CallSummary) => `${c.code}${c.reason ? ` ${c.reason}` : ""}`;

export const sipCallNotFound = defineRejection({
  id: "sip-call-not-found",
  codes: [404],
  title: "Calls rejected 404 Not Found",
  severity: "high",
  summary: "Calls whose INVITE was answered 404: the dialled alias matched no search rule on the Expressway (Search Completed, found false), or the next hop does not know it.",
  what: "calls rejected as not found",
  reason: (c) => `${codeText(c)}${c.searchNotFound ? ": no search rule matched" : ""}${c.warning ? ` (${c.warning})` : ""}`,
  explain: (calls, total) => {
    const local = calls.filter((c) => c.searchNotFound);
    const aliases = [...new Set(local.map((c) => c.to).filter(Boolean))].slice(0, 5);
    return {
      description: `${plural(total, "call")} ${total === 1 ? "was" : "were"} rejected with \`404 Not Found\`: ${callList(calls)}.${local.length > 0 ? ` For ${plural(local.length, "of them", "of them")} the Expressway's own search found no match for ${aliases.map((a) => `\`${a}\``).join(", ")}: no search rule routes that alias to a zone.` : " The 404 came from the next hop (no search failure is logged on this Expressway): the far end does not know the alias."}`,
      furtherInformation:
        "Expressway routes a call by its search rules (Configuration > Dial plan > Search rules), in priority order, matching the alias (after transforms) to a target zone. A call that matches none, or only rules whose zone refuses it, is answered 404. With Route headers (Webex Hybrid, MRA), `Preloaded SIP routes support` must be On in the zone or the route is ignored (TN 212475).",
      action: [
        "1. Maintenance > Tools > Check pattern / Locate: run the dialled alias from the zone the call came in on and see which rule matches.",
        "2. Configuration > Dial plan > Search rules: add or fix the rule (pattern, source, target zone, `Stop`/`Continue`), and any transform that rewrites the alias.",
        "3. If the 404 came from the next hop (CUCM, another Expressway), check the alias exists there (CUCM: directory number or URI, partition / CSS of the SIP trunk).",
      ].join("\n"),
    };
  },
});

export const sipCallForbidden = defineRejection({
  id: "sip-call-forbidden",
  codes: [403],
  title: "Calls rejected 403 Forbidden",
  severity: "high",
  summary: "Calls whose INVITE was answered 403: call policy or a CPL rule refused them, traversal authentication failed, or the far end refused the caller.",
  what: "calls refused as forbidden",
  reason: (c) => `${codeText(c)}${c.warning ? ` (${c.warning})` : ""}`,
  explain: (calls, total) => ({
    description: `${plural(total, "call")} ${total === 1 ? "was" : "were"} refused with \`403 Forbidden\`: ${callList(calls)}.`,
    furtherInformation:
      "Expressway answers 403 when call policy (Configuration > Call Policy, CPL) rejects the call, when the zone requires authentication and the caller's credentials are refused (traversal zones check the client's credentials against the server's), or when the next hop (CUCM's SIP trunk security profile, ACLs) refuses the source.",
    action: [
      "1. Configuration > Call Policy > Rules: look for a rule matching the source and destination shown.",
      "2. On traversal zones, check the client zone's username / password against the server's local authentication database (Configuration > Authentication > Devices).",
      "3. If the 403 came from CUCM, check the SIP trunk's security profile and the calling search space for the Expressway's address.",
    ].join("\n"),
  }),
});

export const sipCalleeUnreachable = defineRejection({
  id: "sip-callee-unreachable",
  codes: [480, 408],
  title: "Calls failed: callee unreachable (480 / 408)",
  severity: "medium",
  summary: "Calls answered 480 Temporarily Unavailable or 408 Request Timeout: the callee is not registered, does not answer, or the next hop did not respond in time.",
  what: "calls to unreachable callees",
  reason: (c) => `${codeText(c)}${c.warning ? ` (${c.warning})` : ""}`,
  explain: (calls, total) => ({
    description: `${plural(total, "call")} could not reach the callee: ${callList(calls)}.`,
    furtherInformation:
      "480 means the callee exists but is not reachable now (not registered, do-not-disturb, all registrations down); 408 means no final answer came in time, often a next hop that never answered (a firewall dropping SIP, a dead neighbour, TLS that never completed).",
    action: [
      "1. Status > Registrations (and CUCM's device status): is the callee registered?",
      "2. For 408: check the zone to the next hop (Status > Zones), the firewall between them, and the next hop's own logs for the INVITE.",
    ].join("\n"),
  }),
});

export const sipServiceUnavailable = defineRejection({
  id: "sip-service-unavailable",
  codes: [503],
  title: "Calls failed 503 Service Unavailable",
  severity: "high",
  summary: "Calls answered 503: no licence or capacity left (rich media sessions, call licences), no route to the next hop, or the next hop overloaded.",
  what: "calls refused for capacity",
  reason: (c) => `${codeText(c)}${c.warning ? ` (${c.warning})` : ""}`,
  explain: (calls, total) => ({
    description: `${plural(total, "call")} failed with \`503 Service Unavailable\`: ${callList(calls)}.`,
    furtherInformation:
      "Expressway answers 503 when it has no licence left for the call (rich media sessions / room or desktop system licences), when the zone's next hop cannot be reached (no working peer), or passes on a 503 from an overloaded or out-of-service next hop.",
    action: [
      "1. Status > Licensing (or Overview): compare current and peak calls with the licences installed.",
      "2. Status > Zones: is the target zone Active? Check its peers' addresses and DNS.",
      "3. If the 503 came from the next hop (the Warning header names it), check that system's capacity and status.",
    ].join("\n"),
  }),
});
