import { NextResponse, type NextRequest } from "next/server";
import { listRegistrations } from "@/lib/analyses/list-registrations";
import { ApiError, handle } from "@/lib/http/api-error";
import { sharedCaseAnalysisId } from "@/lib/shares/share-links";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

// GET /api/shared/:token/analyses/:id/registrations – one analysis's registrations, for the share link of its case
export const GET = handle(async (request: NextRequest, context: { params: Promise<{ token: string; id: string }> }) => {
  const { token, id } = await context.params;
  const analysisId = await sharedCaseAnalysisId(token, id);
  if (!analysisId) throw new ApiError(404, "not_found", "This link does not exist, has expired or was revoked.");
  const sp = request.nextUrl.searchParams;
  const page = await listRegistrations(analysisId, { q: sp.get("q"), page: sp.get("page"), pageSize: sp.get("pageSize") });
  return NextResponse.json(page, { headers: { "Cache-Control": "no-store", "Referrer-Policy": "no-referrer" } });
});
