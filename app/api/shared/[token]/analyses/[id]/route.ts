import { NextResponse, type NextRequest } from "next/server";
import { handle, ApiError } from "@/lib/http/api-error";
import { openSharedCaseAnalysis } from "@/lib/shares/share-links";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

// GET /api/shared/:token/analyses/:id – one analysis of a shared case, read-only, no account
export const GET = handle(async (_request: NextRequest, context: { params: Promise<{ token: string; id: string }> }) => {
  const { token, id } = await context.params;
  const analysis = await openSharedCaseAnalysis(token, id);
  if (!analysis) throw new ApiError(404, "not_found", "This link does not exist, has expired or was revoked.");
  return NextResponse.json(analysis, { headers: { "Cache-Control": "no-store", "Referrer-Policy": "no-referrer" } });
});
