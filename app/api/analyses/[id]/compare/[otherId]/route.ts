import { NextResponse, type NextRequest } from "next/server";
import { analysisNotFound, getAnalysisForViewer } from "@/lib/access/analysis-access";
import { requireViewer } from "@/lib/auth/viewer";
import { compareAnalyses } from "@/lib/cases/compare-analyses";
import { ApiError, handle } from "@/lib/http/api-error";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

// GET /api/analyses/:id/compare/:otherId – what changed between two analyses, by signature (the bundle collected first is `before`)
export const GET = handle(async (request: NextRequest, context: { params: Promise<{ id: string; otherId: string }> }) => {
  const viewer = await requireViewer(request);
  const { id, otherId } = await context.params;
  const [one, other] = await Promise.all([getAnalysisForViewer(id, viewer), getAnalysisForViewer(otherId, viewer)]);
  if (!one || !other) throw analysisNotFound();
  if (one.status !== "done" || other.status !== "done") {
    throw new ApiError(409, "analysis_not_done", "Both analyses must be done to be compared.");
  }
  return NextResponse.json(compareAnalyses(one, other), { headers: { "Cache-Control": "no-store" } });
});
