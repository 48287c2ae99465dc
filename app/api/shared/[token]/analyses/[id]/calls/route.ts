import { NextResponse, type NextRequest } from "next/server";
import { listCalls } from "@/lib/analyses/list-calls";
import { ApiError, handle } from "@/lib/http/api-error";
import { sharedCaseAnalysisId } from "@/lib/shares/share-links";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

// GET /api/shared/:token/analyses/:id/calls – one analysis's calls, for the share link of its case (read-only, no account)
export const GET = handle(async (request: NextRequest, context: { params: Promise<{ token: string; id: string }> }) => {
  const { token, id } = await context.params;
  const analysisId = await sharedCaseAnalysisId(token, id);
  if (!analysisId) throw new ApiError(404, "not_found", "This link does not exist, has expired or was revoked.");
  const sp = request.nextUrl.searchParams;
  const page = await listCalls(analysisId, { q: sp.get("q"), state: sp.get("state"), code: sp.get("code"), page: sp.get("page"), pageSize: sp.get("pageSize") });
  return NextResponse.json(page, { headers: { "Cache-Control": "no-store", "Referrer-Policy": "no-referrer" } });
});
