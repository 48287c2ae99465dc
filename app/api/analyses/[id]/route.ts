import { NextResponse, type NextRequest } from "next/server";
import { analysisNotFound, findAnalysisForViewer, getAnalysisForViewer } from "@/lib/access/analysis-access";
import { deleteAnalysis } from "@/lib/analyses/delete-analysis";
import { canManage, requireViewer } from "@/lib/auth/viewer";
import { ApiError, handle } from "@/lib/http/api-error";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

type Context = { params: Promise<{ id: string }> };

// GET /api/analyses/:id – status, bundle summary and one result per signature
export const GET = handle(async (request: NextRequest, context: Context) => {
  const viewer = await requireViewer(request);
  const analysis = await getAnalysisForViewer((await context.params).id, viewer);
  if (!analysis) throw analysisNotFound();
  return NextResponse.json(analysis, { headers: { "Cache-Control": "no-store" } });
});

// DELETE /api/analyses/:id – the analysis, its stored bundle, results and share links
export const DELETE = handle(async (request: NextRequest, context: Context) => {
  const viewer = await requireViewer(request);
  const analysis = await findAnalysisForViewer((await context.params).id, viewer);
  if (!analysis) throw analysisNotFound();
  if (!canManage(viewer, analysis)) throw new ApiError(403, "forbidden", "Only the uploader or a workspace owner can delete this analysis.");
  await deleteAnalysis(analysis.id);
  return new NextResponse(null, { status: 204 });
});
