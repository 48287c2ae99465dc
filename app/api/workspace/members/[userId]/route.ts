import { NextResponse, type NextRequest } from "next/server";
import { requireViewer } from "@/lib/auth/viewer";
import { ApiError, handle } from "@/lib/http/api-error";
import { removeMember } from "@/lib/workspaces/workspace-members";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

// DELETE /api/workspace/members/:userId – owner removes a member (their tokens for this workspace go too)
export const DELETE = handle(async (request: NextRequest, context: { params: Promise<{ userId: string }> }) => {
  const viewer = await requireViewer(request);
  if (!(await removeMember(viewer, (await context.params).userId))) throw new ApiError(404, "not_found", "No such member.");
  return new NextResponse(null, { status: 204 });
});
