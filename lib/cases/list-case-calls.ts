// GET /api/cases/:id/calls: one page of a case's calls, joined across its analyses (the same call on
// Expressway-E and -C is one), failed first then by start, with the query of GET /api/analyses/:id/calls.
// The caller has already checked access to the case.
import type { CallQuery } from "@/lib/analyses/list-calls";
import type { CaseCallPage } from "@/lib/cases/case-view";
import { pageOfCaseCalls } from "@/lib/cases/join-case-calls";
import { caseAnalysisRefs, loadCaseCalls } from "@/lib/cases/load-case-calls";

export async function listCaseCalls(caseId: string, query: CallQuery): Promise<CaseCallPage> {
  const { calls } = await loadCaseCalls(await caseAnalysisRefs(caseId));
  return pageOfCaseCalls(calls, query);
}
