import { NextResponse, type NextRequest } from "next/server";
import { SHARED_HEADERS, sharedNotFound } from "@/app/api/_handlers/shared";
import { getCall } from "@/lib/analyses/get-call";
import { ApiError, handle } from "@/lib/http/api-error";
import { sharedCaseAnalysisId } from "@/lib/shares/share-links";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

// GET /api/shared/:token/analyses/:id/calls/:callId – one call of one analysis, for the share link of its case
export const GET = handle(async (_request: NextRequest, context: { params: Promise<{ token: string; id: string; callId: string }> }) => {
  const { token, id, callId } = await context.params;
  const analysisId = await sharedCaseAnalysisId(token, id);
  if (!analysisId) throw sharedNotFound();
  const call = await getCall(analysisId, callId);
  if (!call) throw new ApiError(404, "not_found", "No call with that id or Call-ID in this analysis.");
  return NextResponse.json(call, { headers: SHARED_HEADERS });
});
