// What the call and registration signatures share: the calls a cause covers as affected entries (one
// per dialled alias, linking to the first calls' ladders), their deciding log lines as evidence, and
// the outcome when the logs hold no SIP calls at all.
import type { Affected, Evidence } from "@/lib/results/types";
import type { CallsOutput, CallSummary } from "@/lib/results/calls";
import type { Facts } from "@/lib/facts/facts";
import { MAX_EVIDENCE, collectSteps, plural } from "@/lib/signatures/helpers";
import type { SignatureEvaluation } from "@/lib/signatures/signature";

export type SipFacts = Pick<Facts, "sip">;

const CALLS_PER_ENTRY = 5;
const MAX_AFFECTED = 50;

/** One affected entry per dialled alias (and final code), with the first calls' ids for their ladders. */
export function callsAffected(calls: readonly CallSummary[], reason: (c: CallSummary) => string): Affected[] {
  const groups = new Map<string, CallSummary[]>();
  for (const c of calls) {
    const key = `${c.to ?? ""}\u0000${reason(c)}`;
    const list = groups.get(key);
    if (list) list.push(c);
    else groups.set(key, [c]);
  }
  const out: Affected[] = [];
  for (const list of groups.values()) {
    const first = list[0];
    const starts = list.map((c) => c.start).filter((s): s is string => s !== null).sort();
    out.push({
      host: first.to,
      ip: null,
      port: null,
      service: "SIP call",
      reason: reason(first),
      count: list.length,
      firstSeen: starts[0] ?? null,
      lastSeen: starts[starts.length - 1] ?? null,
      peers: [...new Set(list.flatMap((c) => c.hosts))],
      calls: list.slice(0, CALLS_PER_ENTRY).map((c) => c.id),
    });
    if (out.length >= MAX_AFFECTED) break;
  }
  return out.sort((a, b) => b.count - a.count);
}

/** The lines that decided each call (its final response, its BYE), a few per call, capped. */
export function callsEvidence(calls: readonly CallSummary[]): Evidence[] {
  const out: Evidence[] = [];
  const seen = new Set<string>();
  for (const c of calls) {
    for (const e of c.evidence) {
      const key = `${e.file}\u0000${e.line}`;
      if (seen.has(key)) continue;
      seen.add(key);
      out.push({ file: e.file, line: e.line, text: e.text });
      if (out.length >= MAX_EVIDENCE) return out;
    }
  }
  return out;
}

/** How many calls of these causes the analysis counted, listed or not (the list is bounded). */
export function countedCalls(sip: CallsOutput, match: (cause: string) => boolean): number {
  let n = 0;
  for (const [cause, count] of Object.entries(sip.counts.byCause)) if (match(cause)) n += count;
  return n;
}

export function hasSipCalls(sip: CallsOutput): boolean {
  return sip.counts.calls > 0;
}

/** No call in the logs: the check cannot apply (network.sip is logged at INFO by default, so SIP calls show when there were any). */
export function noCallsOutcome(facts: SipFacts, what: string): SignatureEvaluation {
  const read = facts.sip.reading.summaryLines + facts.sip.reading.messageBlocks;
  return {
    outcome: "not_applicable",
    description: `No SIP call is in the logs${read > 0 ? ` (${plural(read, "network.sip line")} read, none of a call)` : ""}, so ${what} cannot be seen.`,
    condition: "Calls are read from the `network.sip` summary lines and SIPMSG blocks.",
    furtherInformation: "Expressway logs every SIP message it sends or receives under the `network.sip` module: at INFO a one-line summary, at DEBUG the whole message.",
    action: collectSteps(["network.sip"], "place the failing call"),
  };
}

export function okOutcome(facts: SipFacts, none: string): SignatureEvaluation {
  return {
    outcome: "ok",
    description: `${none} (${plural(facts.sip.counts.calls, "call")} in the logs).`,
    condition: "Final responses of every call's INVITE.",
    furtherInformation: "",
    action: "None.",
  };
}

export function callList(calls: readonly CallSummary[], max = 3): string {
  const shown = calls.slice(0, max).map((c) => `\`${c.from ?? "?"}\` → \`${c.to ?? "?"}\``);
  return `${shown.join(", ")}${calls.length > max ? ` and ${calls.length - max} more` : ""}`;
}
