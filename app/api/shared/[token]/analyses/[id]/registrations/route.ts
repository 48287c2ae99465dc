import { NextResponse, type NextRequest } from "next/server";
import { SHARED_HEADERS, sharedNotFound } from "@/app/api/_handlers/shared";
import { listRegistrations, registrationQueryOf } from "@/lib/analyses/list-registrations";
import { handle } from "@/lib/http/api-error";
import { sharedCaseAnalysisId } from "@/lib/shares/share-links";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

// GET /api/shared/:token/analyses/:id/registrations – one analysis's registrations, for the share link of its case
export const GET = handle(async (request: NextRequest, context: { params: Promise<{ token: string; id: string }> }) => {
  const { token, id } = await context.params;
  const analysisId = await sharedCaseAnalysisId(token, id);
  if (!analysisId) throw sharedNotFound();
  const page = await listRegistrations(analysisId, registrationQueryOf(request.nextUrl.searchParams));
  return NextResponse.json(page, { headers: SHARED_HEADERS });
});
