import { NextResponse, type NextRequest } from "next/server";
import { handle, ApiError } from "@/lib/http/api-error";
import { openShareLink } from "@/lib/shares/share-links";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

// GET /api/shared/:token – the analysis a share link opens, read-only, no account (what /s/:token polls)
export const GET = handle(async (_request: NextRequest, context: { params: Promise<{ token: string }> }) => {
  const analysis = await openShareLink((await context.params).token, { count: false });
  if (!analysis) throw new ApiError(404, "not_found", "This link does not exist, has expired or was revoked.");
  return NextResponse.json(analysis, { headers: { "Cache-Control": "no-store", "Referrer-Policy": "no-referrer" } });
});
