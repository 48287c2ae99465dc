import { NextResponse, type NextRequest } from "next/server";
import { reanalyzeAnalysis } from "@/lib/analyses/reanalyze-analysis";
import { handle } from "@/lib/http/api-error";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

// POST /api/analyses/:id/reanalyze – run the stored bundle again with today's catalog
export const POST = handle(async (_request: NextRequest, context: { params: Promise<{ id: string }> }) => {
  const { id } = await context.params;
  const queued = await reanalyzeAnalysis(id);
  return NextResponse.json(queued, { status: 202, headers: { Location: queued.url } });
});
