import { NextResponse, type NextRequest } from "next/server";
import { SHARED_HEADERS, sharedNotFound } from "@/app/api/_handlers/shared";
import { listRegistrations, registrationQueryOf } from "@/lib/analyses/list-registrations";
import { handle } from "@/lib/http/api-error";
import { sharedAnalysisId } from "@/lib/shares/share-links";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

// GET /api/shared/:token/registrations – registrations per AOR, for a share link
export const GET = handle(async (request: NextRequest, context: { params: Promise<{ token: string }> }) => {
  const analysisId = await sharedAnalysisId((await context.params).token);
  if (!analysisId) throw sharedNotFound();
  const page = await listRegistrations(analysisId, registrationQueryOf(request.nextUrl.searchParams));
  return NextResponse.json(page, { headers: SHARED_HEADERS });
});
