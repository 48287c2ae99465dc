import { NextResponse, type NextRequest } from "next/server";
import { listRegistrations } from "@/lib/analyses/list-registrations";
import { ApiError, handle } from "@/lib/http/api-error";
import { sharedAnalysisId } from "@/lib/shares/share-links";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

// GET /api/shared/:token/registrations – registrations per AOR, for a share link
export const GET = handle(async (request: NextRequest, context: { params: Promise<{ token: string }> }) => {
  const analysisId = await sharedAnalysisId((await context.params).token);
  if (!analysisId) throw new ApiError(404, "not_found", "This link does not exist, has expired or was revoked.");
  const sp = request.nextUrl.searchParams;
  const page = await listRegistrations(analysisId, { q: sp.get("q"), page: sp.get("page"), pageSize: sp.get("pageSize") });
  return NextResponse.json(page, { headers: { "Cache-Control": "no-store", "Referrer-Policy": "no-referrer" } });
});
