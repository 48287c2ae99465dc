import { NextResponse, type NextRequest } from "next/server";
import { requireViewer } from "@/lib/auth/viewer";
import { ApiError, handle } from "@/lib/http/api-error";
import { revokeApiToken } from "@/lib/tokens/api-tokens";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

// DELETE /api/tokens/:id – revoke one of the user's tokens
export const DELETE = handle(async (request: NextRequest, context: { params: Promise<{ id: string }> }) => {
  const viewer = await requireViewer(request);
  if (!(await revokeApiToken(viewer.userId, (await context.params).id))) throw new ApiError(404, "not_found", "No such token.");
  return new NextResponse(null, { status: 204 });
});
