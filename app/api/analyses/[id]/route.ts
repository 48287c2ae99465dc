import { NextResponse, type NextRequest } from "next/server";
import { getAnalysis } from "@/lib/analyses/get-analysis";
import { ApiError, handle } from "@/lib/http/api-error";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

// GET /api/analyses/:id – status, bundle summary and one result per signature
export const GET = handle(async (_request: NextRequest, context: { params: Promise<{ id: string }> }) => {
  const { id } = await context.params;
  const analysis = await getAnalysis(id);
  if (!analysis) throw new ApiError(404, "not_found", "No analysis with that id.");
  return NextResponse.json(analysis, { headers: { "Cache-Control": "no-store" } });
});
