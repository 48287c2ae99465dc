// The stored calls of a case's finished analyses, joined into the case's calls (join-case-calls.ts).
// Read on every request: a case holds a few bundles, and an analysis added or re-run changes the join.
// The caller has already checked access to the case.
import type { CallSummary } from "@/lib/results/calls";
import { type CaseCallInput, type JoinedCall, joinCaseCalls } from "@/lib/cases/join-case-calls";
import { getServices } from "@/lib/platform/services";

/** Calls read per case (over all its analyses); past it the rest is left out of the join. */
export const MAX_CASE_CALLS = 20_000;

export type CaseAnalysisRef = { id: string; host: string | null };

export type LoadedCaseCalls = { calls: JoinedCall[]; parts: number; truncated: boolean };

/** `analyses`: the case's finished analyses, in the case's order. */
export async function loadCaseCalls(analyses: CaseAnalysisRef[]): Promise<LoadedCaseCalls> {
  if (analyses.length === 0) return { calls: [], parts: 0, truncated: false };
  const rows = await getServices().db.prisma.sipCall.findMany({
    where: { analysisId: { in: analyses.map((a) => a.id) } },
    orderBy: [{ analysisId: "asc" }, { position: "asc" }],
    take: MAX_CASE_CALLS + 1,
    select: { analysisId: true, callId: true, sipCallIds: true, sessionIds: true, search: true, summary: true },
  });
  const truncated = rows.length > MAX_CASE_CALLS;
  const hostOf = new Map(analyses.map((a) => [a.id, a.host]));
  const rank = new Map(analyses.map((a, i) => [a.id, i]));
  const inputs: CaseCallInput[] = rows
    .slice(0, MAX_CASE_CALLS)
    .sort((a, b) => rank.get(a.analysisId)! - rank.get(b.analysisId)!)
    .map((r) => ({
      analysisId: r.analysisId,
      host: hostOf.get(r.analysisId) ?? null,
      callId: r.callId,
      sipCallIds: r.sipCallIds,
      sessionIds: r.sessionIds,
      search: r.search,
      summary: r.summary as unknown as CallSummary,
    }));
  return { calls: joinCaseCalls(inputs), parts: inputs.length, truncated };
}

/** The case's finished analyses, in the order the case view lists them (by host, then upload). */
export async function caseAnalysisRefs(caseId: string): Promise<CaseAnalysisRef[]> {
  const rows = await getServices().db.prisma.analysis.findMany({ where: { caseId, status: "done" }, orderBy: { createdAt: "asc" }, select: { id: true, host: true } });
  return sortCaseAnalyses(rows);
}

/** By host (none first), then upload order: get-case.ts and the calls endpoints join in the same order. */
export function sortCaseAnalyses<T extends { host: string | null }>(byUpload: T[]): T[] {
  return [...byUpload].sort((a, b) => (a.host ?? "").localeCompare(b.host ?? ""));
}
