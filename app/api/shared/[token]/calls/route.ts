import { NextResponse, type NextRequest } from "next/server";
import { listCalls } from "@/lib/analyses/list-calls";
import { ApiError, handle } from "@/lib/http/api-error";
import { sharedAnalysisId } from "@/lib/shares/share-links";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

const SHARED = { "Cache-Control": "no-store", "Referrer-Policy": "no-referrer" };

// GET /api/shared/:token/calls – what /api/analyses/:id/calls answers, for a share link (read-only, no account)
export const GET = handle(async (request: NextRequest, context: { params: Promise<{ token: string }> }) => {
  const analysisId = await sharedAnalysisId((await context.params).token);
  if (!analysisId) throw new ApiError(404, "not_found", "This link does not exist, has expired or was revoked.");
  const sp = request.nextUrl.searchParams;
  const page = await listCalls(analysisId, { q: sp.get("q"), state: sp.get("state"), code: sp.get("code"), page: sp.get("page"), pageSize: sp.get("pageSize") });
  return NextResponse.json(page, { headers: SHARED });
});
