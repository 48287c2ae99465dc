import { NextResponse, type NextRequest } from "next/server";
import { handle, ApiError } from "@/lib/http/api-error";
import { openShare } from "@/lib/shares/share-links";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

const GONE: Record<"revoked" | "expired" | "unknown", string> = {
  revoked: "This share link was revoked by whoever shared it.",
  expired: "This share link has expired.",
  unknown: "This link does not exist, or what it showed was deleted.",
};

// GET /api/shared/:token – what a share link opens, read-only, no account (what /s/:token polls): the
// analysis, or for a link to a case the case view, plus `share: { expiresAt }`
export const GET = handle(async (_request: NextRequest, context: { params: Promise<{ token: string }> }) => {
  const opened = await openShare((await context.params).token, { count: false });
  if (opened.state !== "active") throw new ApiError(404, "not_found", GONE[opened.state]);
  const shown = "case" in opened ? opened.case : opened.analysis;
  return NextResponse.json({ ...shown, share: { expiresAt: opened.expiresAt } }, { headers: { "Cache-Control": "no-store", "Referrer-Policy": "no-referrer" } });
});
