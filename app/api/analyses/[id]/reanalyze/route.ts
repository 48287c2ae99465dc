import { NextResponse, type NextRequest } from "next/server";
import { analysisNotFound, findAnalysisForViewer } from "@/lib/access/analysis-access";
import { reanalyzeAnalysis } from "@/lib/analyses/reanalyze-analysis";
import { requireViewer } from "@/lib/auth/viewer";
import { handle } from "@/lib/http/api-error";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

// POST /api/analyses/:id/reanalyze – run the stored bundle again with today's catalog (any workspace member)
export const POST = handle(async (request: NextRequest, context: { params: Promise<{ id: string }> }) => {
  const viewer = await requireViewer(request);
  const analysis = await findAnalysisForViewer((await context.params).id, viewer);
  if (!analysis) throw analysisNotFound();
  const queued = await reanalyzeAnalysis(analysis.id);
  return NextResponse.json(queued, { status: 202, headers: { Location: queued.url } });
});
