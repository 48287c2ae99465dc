import { NextResponse, type NextRequest } from "next/server";
import { SHARED_HEADERS, sharedNotFound } from "@/app/api/_handlers/shared";
import { handle } from "@/lib/http/api-error";
import { openSharedCaseAnalysis } from "@/lib/shares/share-links";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

// GET /api/shared/:token/analyses/:id – one analysis of a shared case, read-only, no account
export const GET = handle(async (_request: NextRequest, context: { params: Promise<{ token: string; id: string }> }) => {
  const { token, id } = await context.params;
  const analysis = await openSharedCaseAnalysis(token, id);
  if (!analysis) throw sharedNotFound();
  return NextResponse.json(analysis, { headers: SHARED_HEADERS });
});
