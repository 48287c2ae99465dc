import { NextResponse, type NextRequest } from "next/server";
import { analysisNotFound, findAnalysisForViewer } from "@/lib/access/analysis-access";
import { listCalls } from "@/lib/analyses/list-calls";
import { requireViewer } from "@/lib/auth/viewer";
import { handle } from "@/lib/http/api-error";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

// GET /api/analyses/:id/calls?q=&state=&code=&page=&pageSize= – { total, items }: calls without messages, failed first
export const GET = handle(async (request: NextRequest, context: { params: Promise<{ id: string }> }) => {
  const viewer = await requireViewer(request);
  const analysis = await findAnalysisForViewer((await context.params).id, viewer);
  if (!analysis) throw analysisNotFound();
  const sp = request.nextUrl.searchParams;
  const page = await listCalls(analysis.id, { q: sp.get("q"), state: sp.get("state"), code: sp.get("code"), page: sp.get("page"), pageSize: sp.get("pageSize") });
  return NextResponse.json(page, { headers: { "Cache-Control": "no-store" } });
});
