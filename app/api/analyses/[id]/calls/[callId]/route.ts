import { NextResponse, type NextRequest } from "next/server";
import { analysisNotFound, findAnalysisForViewer } from "@/lib/access/analysis-access";
import { getCall } from "@/lib/analyses/get-call";
import { requireViewer } from "@/lib/auth/viewer";
import { ApiError, handle } from "@/lib/http/api-error";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

// GET /api/analyses/:id/calls/:callId – the call with messages[]; callId is ours or any of its Call-IDs (URL-encoded)
export const GET = handle(async (request: NextRequest, context: { params: Promise<{ id: string; callId: string }> }) => {
  const viewer = await requireViewer(request);
  const { id, callId } = await context.params;
  const analysis = await findAnalysisForViewer(id, viewer);
  if (!analysis) throw analysisNotFound();
  const call = await getCall(analysis.id, callId);
  if (!call) throw new ApiError(404, "not_found", "No call with that id or Call-ID in this analysis.");
  return NextResponse.json(call, { headers: { "Cache-Control": "no-store" } });
});
