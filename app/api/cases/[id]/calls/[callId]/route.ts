import { NextResponse, type NextRequest } from "next/server";
import { caseNotFound, findCaseForViewer } from "@/lib/access/case-access";
import { requireViewer } from "@/lib/auth/viewer";
import { getCaseCall } from "@/lib/cases/get-case-call";
import { ApiError, handle } from "@/lib/http/api-error";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

// GET /api/cases/:id/calls/:callId – the joined call with every Expressway's messages in time order; callId is ours, a part's, or any Call-ID (URL-encoded)
export const GET = handle(async (request: NextRequest, context: { params: Promise<{ id: string; callId: string }> }) => {
  const viewer = await requireViewer(request);
  const { id, callId } = await context.params;
  const found = await findCaseForViewer(id, viewer);
  if (!found) throw caseNotFound();
  const call = await getCaseCall(found.id, callId);
  if (!call) throw new ApiError(404, "not_found", "No call with that id or Call-ID in this case.");
  return NextResponse.json(call, { headers: { "Cache-Control": "no-store" } });
});
