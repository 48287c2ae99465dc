import { NextResponse, type NextRequest } from "next/server";
import { handle, ApiError } from "@/lib/http/api-error";
import { openShare } from "@/lib/shares/share-links";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

// GET /api/shared/:token – what a share link opens, read-only, no account (what /s/:token polls): the
// analysis, or for a link to a case the case view
export const GET = handle(async (_request: NextRequest, context: { params: Promise<{ token: string }> }) => {
  const opened = await openShare((await context.params).token, { count: false });
  if (!opened) throw new ApiError(404, "not_found", "This link does not exist, has expired or was revoked.");
  return NextResponse.json("analysis" in opened ? opened.analysis : opened.case, { headers: { "Cache-Control": "no-store", "Referrer-Policy": "no-referrer" } });
});
