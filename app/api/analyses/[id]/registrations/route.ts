import { NextResponse, type NextRequest } from "next/server";
import { analysisNotFound, findAnalysisForViewer } from "@/lib/access/analysis-access";
import { listRegistrations, registrationQueryOf } from "@/lib/analyses/list-registrations";
import { requireViewer } from "@/lib/auth/viewer";
import { handle } from "@/lib/http/api-error";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

// GET /api/analyses/:id/registrations?q=&page=&pageSize= – { total, items }: registrations per AOR, refused first
export const GET = handle(async (request: NextRequest, context: { params: Promise<{ id: string }> }) => {
  const viewer = await requireViewer(request);
  const analysis = await findAnalysisForViewer((await context.params).id, viewer);
  if (!analysis) throw analysisNotFound();
  const page = await listRegistrations(analysis.id, registrationQueryOf(request.nextUrl.searchParams));
  return NextResponse.json(page, { headers: { "Cache-Control": "no-store" } });
});
