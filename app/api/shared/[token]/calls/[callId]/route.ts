import { NextResponse, type NextRequest } from "next/server";
import { SHARED_HEADERS, sharedNotFound } from "@/app/api/_handlers/shared";
import { getCall } from "@/lib/analyses/get-call";
import { getCaseCall } from "@/lib/cases/get-case-call";
import { ApiError, handle } from "@/lib/http/api-error";
import { sharedTarget } from "@/lib/shares/share-links";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

// GET /api/shared/:token/calls/:callId – one call with its messages (a case's link: the joined call), for a share link
export const GET = handle(async (_request: NextRequest, context: { params: Promise<{ token: string; callId: string }> }) => {
  const { token, callId } = await context.params;
  const target = await sharedTarget(token);
  if (!target) throw sharedNotFound();
  const call = "caseId" in target ? await getCaseCall(target.caseId, callId) : await getCall(target.analysisId, callId);
  if (!call) throw new ApiError(404, "not_found", `No call with that id or Call-ID in this ${"caseId" in target ? "case" : "analysis"}.`);
  return NextResponse.json(call, { headers: SHARED_HEADERS });
});
