import { NextResponse, type NextRequest } from "next/server";
import { requireViewer } from "@/lib/auth/viewer";
import { ApiError, handle } from "@/lib/http/api-error";
import { revokeInvite } from "@/lib/workspaces/workspace-members";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

// DELETE /api/workspace/invites/:id – withdraw an open invite
export const DELETE = handle(async (request: NextRequest, context: { params: Promise<{ id: string }> }) => {
  const viewer = await requireViewer(request);
  if (!(await revokeInvite(viewer, (await context.params).id))) throw new ApiError(404, "not_found", "No open invite with that id.");
  return new NextResponse(null, { status: 204 });
});
