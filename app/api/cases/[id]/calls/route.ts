import { NextResponse, type NextRequest } from "next/server";
import { caseNotFound, findCaseForViewer } from "@/lib/access/case-access";
import { callQueryOf } from "@/lib/analyses/list-calls";
import { requireViewer } from "@/lib/auth/viewer";
import { listCaseCalls } from "@/lib/cases/list-case-calls";
import { handle } from "@/lib/http/api-error";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

// GET /api/cases/:id/calls?q=&state=&code=&page=&pageSize= – { total, items }: the case's calls joined across its analyses, failed first
export const GET = handle(async (request: NextRequest, context: { params: Promise<{ id: string }> }) => {
  const viewer = await requireViewer(request);
  const found = await findCaseForViewer((await context.params).id, viewer);
  if (!found) throw caseNotFound();
  const page = await listCaseCalls(found.id, callQueryOf(request.nextUrl.searchParams));
  return NextResponse.json(page, { headers: { "Cache-Control": "no-store" } });
});
