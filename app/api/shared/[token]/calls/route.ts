import { NextResponse, type NextRequest } from "next/server";
import { listCalls } from "@/lib/analyses/list-calls";
import { listCaseCalls } from "@/lib/cases/list-case-calls";
import { ApiError, handle } from "@/lib/http/api-error";
import { sharedTarget } from "@/lib/shares/share-links";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

const SHARED = { "Cache-Control": "no-store", "Referrer-Policy": "no-referrer" };

// GET /api/shared/:token/calls – what /api/analyses/:id/calls (a case's link: /api/cases/:id/calls) answers, for a share link (read-only, no account)
export const GET = handle(async (request: NextRequest, context: { params: Promise<{ token: string }> }) => {
  const target = await sharedTarget((await context.params).token);
  if (!target) throw new ApiError(404, "not_found", "This link does not exist, has expired or was revoked.");
  const sp = request.nextUrl.searchParams;
  const query = { q: sp.get("q"), state: sp.get("state"), code: sp.get("code"), page: sp.get("page"), pageSize: sp.get("pageSize") };
  const page = "caseId" in target ? await listCaseCalls(target.caseId, query) : await listCalls(target.analysisId, query);
  return NextResponse.json(page, { headers: SHARED });
});
