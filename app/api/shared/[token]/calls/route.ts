import { NextResponse, type NextRequest } from "next/server";
import { SHARED_HEADERS, sharedNotFound } from "@/app/api/_handlers/shared";
import { callQueryOf, listCalls } from "@/lib/analyses/list-calls";
import { listCaseCalls } from "@/lib/cases/list-case-calls";
import { handle } from "@/lib/http/api-error";
import { sharedTarget } from "@/lib/shares/share-links";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

// GET /api/shared/:token/calls – what /api/analyses/:id/calls (a case's link: /api/cases/:id/calls) answers, for a share link (read-only, no account)
export const GET = handle(async (request: NextRequest, context: { params: Promise<{ token: string }> }) => {
  const target = await sharedTarget((await context.params).token);
  if (!target) throw sharedNotFound();
  const query = callQueryOf(request.nextUrl.searchParams);
  const page = "caseId" in target ? await listCaseCalls(target.caseId, query) : await listCalls(target.analysisId, query);
  return NextResponse.json(page, { headers: SHARED_HEADERS });
});
