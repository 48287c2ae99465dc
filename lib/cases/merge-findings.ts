// A case's findings: each signature's results over the case's analyses merged into one card with the
// worst outcome, the affected nodes of every Expressway that saw them, and, where a failure on one box
// explains error answers on another, a sentence saying so (the card then names both).
import { OUTCOMES, type Affected, type Evidence, type Outcome, type SignatureResult } from "@/lib/results/types";
import type { CaseExplanation, CaseFinding, CaseFindingPeer } from "@/lib/cases/case-view";

/** Worst first: a problem on one peer is a problem of the case. */
const RANK: Record<Outcome, number> = { issue: 0, potential: 1, missing: 2, ok: 3, not_applicable: 4 };
const MAX_EVIDENCE = 30;
const MAX_CALL_LINKS = 6;

export type MergeInput = { analysisId: string; host: string | null; results: SignatureResult[] };

const isProblem = (o: Outcome) => o === "issue" || o === "potential";
const time = (s: string | null) => (s ? Date.parse(s) : Number.NaN);

export function mergeFindings(inputs: MergeInput[], explanations: CaseExplanation[] = []): CaseFinding[] {
  const bySignature = new Map<string, { input: MergeInput; result: SignatureResult }[]>();
  for (const input of inputs) {
    for (const result of input.results) {
      let list = bySignature.get(result.signatureId);
      if (!list) bySignature.set(result.signatureId, (list = []));
      list.push({ input, result });
    }
  }
  const findings: CaseFinding[] = [];
  for (const seen of bySignature.values()) {
    const worst = seen.reduce((w, s) => (RANK[s.result.outcome] < RANK[w.result.outcome] ? s : w));
    const outcome = worst.result.outcome;
    const contributing = seen.filter((s) => s.result.outcome === outcome);
    const affected = mergeAffected(contributing);
    const evidence: Evidence[] = [];
    for (const s of contributing) {
      for (const e of s.result.evidence) {
        if (evidence.length >= MAX_EVIDENCE) break;
        evidence.push({ ...e, file: s.input.host ? `${s.input.host}: ${e.file}` : e.file });
      }
    }
    const seenOn: CaseFindingPeer[] = seen.map((s) => ({
      analysisId: s.input.analysisId,
      host: s.input.host,
      outcome: s.result.outcome,
      role: isProblem(s.result.outcome) ? "cause" : null,
    }));
    const explains = isProblem(outcome) ? explanations.filter((e) => explainsFinding(e, seen, affected)) : [];
    for (const e of explains) {
      const peer = seenOn.find((p) => p.analysisId === e.symptomAnalysisId);
      if (peer) peer.role = peer.role ?? "symptom";
      else seenOn.push({ analysisId: e.symptomAnalysisId, host: e.symptomHost, outcome: "ok", role: "symptom" });
    }
    findings.push({
      ...worst.result,
      outcome,
      description: explains.length ? `${worst.result.description}\n\n${explains.map(explanationSentence).join("\n")}` : worst.result.description,
      affected,
      evidence,
      seenOn,
      explains,
    });
  }
  return findings;
}

export function explanationSentence(e: CaseExplanation): string {
  const statuses = e.statuses.join(" / ") || "an error";
  return `This failure on ${e.causeHost ?? "one Expressway"} explains the ${statuses} that ${e.symptomHost ?? "another Expressway"} answered for ${e.requests} request${e.requests === 1 ? "" : "s"}${e.target ? ` to ${e.target}` : ""}: the same requests, seen on both.`;
}

/** The cause analysis reported this signature as a problem for the node the failing requests went to. */
function explainsFinding(e: CaseExplanation, seen: { input: MergeInput; result: SignatureResult }[], affected: Affected[]): boolean {
  const cause = seen.find((s) => s.input.analysisId === e.causeAnalysisId);
  if (!cause || !isProblem(cause.result.outcome) || !e.target) return false;
  return affected.some((a) => {
    const port = a.port === null ? "" : `:${a.port}`;
    return (a.host !== null && `${a.host}${port}` === e.target) || (a.ip !== null && `${a.ip}${port}` === e.target);
  });
}

function mergeAffected(contributing: { input: MergeInput; result: SignatureResult }[]): Affected[] {
  const merged = new Map<string, Affected>();
  for (const { input, result } of contributing) {
    for (const a of result.affected) {
      const key = `${a.host ?? ""}\u0000${a.ip ?? ""}\u0000${a.port ?? ""}\u0000${a.service ?? ""}\u0000${a.reason}`;
      const peers = a.peers?.length ? a.peers : input.host ? [input.host] : [];
      // An analysis's call ids (c1, c2...) open the case's joined call through `<analysisId>:<callId>`.
      const calls = a.calls?.map((id) => `${input.analysisId}:${id}`);
      const m = merged.get(key);
      if (!m) {
        merged.set(key, { ...a, peers: [...peers], ...(calls ? { calls } : {}) });
        continue;
      }
      if (calls) m.calls = [...new Set([...(m.calls ?? []), ...calls])].slice(0, MAX_CALL_LINKS);
      m.count += a.count;
      if (a.firstSeen && (!m.firstSeen || time(a.firstSeen) < time(m.firstSeen))) m.firstSeen = a.firstSeen;
      if (a.lastSeen && (!m.lastSeen || time(a.lastSeen) > time(m.lastSeen))) m.lastSeen = a.lastSeen;
      for (const p of peers) if (!m.peers?.includes(p)) m.peers = [...(m.peers ?? []), p];
      if (!m.certificate && a.certificate) m.certificate = a.certificate;
    }
  }
  return [...merged.values()];
}

/** Cards per outcome, as the analyses count them: a check folded into another card is not one. */
export function countOutcomes(findings: { outcome: Outcome; partOf?: string | null }[]): Record<Outcome, number> {
  const counts = Object.fromEntries(OUTCOMES.map((o) => [o, 0])) as Record<Outcome, number>;
  for (const f of findings) if (!f.partOf) counts[f.outcome]++;
  return counts;
}
