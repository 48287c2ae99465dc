// GET /api/cases/:id/calls/:callId: one call of a case with the messages of every Expressway that
// logged it, in time order. Addressed by its id, by any part's `<analysisId>:<callId>`, or by any of its
// Call-IDs. The caller has already checked access to the case.
import type { CallMessage } from "@/lib/results/calls";
import type { CaseCallDetail } from "@/lib/cases/case-view";
import { mergeCallMessages } from "@/lib/cases/join-case-calls";
import { caseAnalysisRefs, loadCaseCalls } from "@/lib/cases/load-case-calls";
import { getServices } from "@/lib/platform/services";

export async function getCaseCall(caseId: string, callId: string): Promise<CaseCallDetail | null> {
  if (callId.length === 0 || callId.length > 1024) return null;
  // The path segment may arrive still percent-encoded (a Call-ID with `@`, `%`, `/`): try both forms.
  const ids = new Set([callId, decoded(callId)]);
  const { calls } = await loadCaseCalls(await caseAnalysisRefs(caseId));
  const call =
    calls.find((c) => ids.has(c.id) || c.parts.some((p) => ids.has(`${p.analysisId}:${p.callId}`))) ??
    calls.find((c) => c.summary.callIds.some((id) => ids.has(id)));
  if (!call) return null;
  const rows = await getServices().db.prisma.sipCall.findMany({
    where: { OR: call.parts.map((p) => ({ analysisId: p.analysisId, callId: p.callId })) },
    select: { analysisId: true, callId: true, messages: true },
  });
  const messages = new Map(rows.map((r) => [`${r.analysisId}:${r.callId}`, r.messages as unknown as CallMessage[] | null]));
  return mergeCallMessages(call, (p) => messages.get(`${p.analysisId}:${p.callId}`) ?? null);
}

function decoded(s: string): string {
  try {
    return decodeURIComponent(s);
  } catch {
    return s;
  }
}
