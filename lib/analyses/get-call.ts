// GET /api/analyses/:id/calls/:callId: one call with its messages, addressed by our id or by any
// of its legs' Call-IDs. The caller has already checked access to the analysis.
import type { CallDetail, CallMessage, CallSummary } from "@/lib/results/calls";
import { getServices } from "@/lib/platform/services";

export async function getCall(analysisId: string, callId: string): Promise<CallDetail | null> {
  if (callId.length === 0 || callId.length > 1024) return null;
  // The path segment may arrive still percent-encoded (a Call-ID with `@`, `%`, `/`): try both forms.
  const ids = [...new Set([callId, decoded(callId)])];
  const row = await getServices().db.prisma.sipCall.findFirst({
    where: { analysisId, OR: [{ callId: { in: ids } }, { sipCallIds: { hasSome: ids } }] },
    orderBy: { position: "asc" },
    select: { summary: true, messages: true },
  });
  if (!row) return null;
  // A call past the first N of its cause keeps no message list: messagesKept says so.
  return { ...(row.summary as unknown as CallSummary), messages: (row.messages as unknown as CallMessage[] | null) ?? [] };
}

function decoded(s: string): string {
  try {
    return decodeURIComponent(s);
  } catch {
    return s;
  }
}
