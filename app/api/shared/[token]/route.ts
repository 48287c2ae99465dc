import { NextResponse, type NextRequest } from "next/server";
import { handle, ApiError } from "@/lib/http/api-error";
import { openShareLink } from "@/lib/shares/share-links";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

const GONE: Record<"revoked" | "expired" | "unknown", string> = {
  revoked: "This share link was revoked by whoever shared it.",
  expired: "This share link has expired.",
  unknown: "This link does not exist, or the analysis it showed was deleted.",
};

// GET /api/shared/:token – the analysis a share link opens, read-only, no account (what /s/:token polls),
// plus `share: { expiresAt }`
export const GET = handle(async (_request: NextRequest, context: { params: Promise<{ token: string }> }) => {
  const opened = await openShareLink((await context.params).token, { count: false });
  if (opened.state !== "active") throw new ApiError(404, "not_found", GONE[opened.state]);
  return NextResponse.json(
    { ...opened.view, share: { expiresAt: opened.expiresAt } },
    { headers: { "Cache-Control": "no-store", "Referrer-Policy": "no-referrer" } },
  );
});
