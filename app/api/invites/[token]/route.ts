import { NextResponse, type NextRequest } from "next/server";
import { requireViewer } from "@/lib/auth/viewer";
import { ApiError, handle } from "@/lib/http/api-error";
import { acceptInvite } from "@/lib/workspaces/workspace-members";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

// POST /api/invites/:token – the signed-in user joins the workspace the invite is for
export const POST = handle(async (request: NextRequest, context: { params: Promise<{ token: string }> }) => {
  const viewer = await requireViewer(request);
  if (viewer.via === "token") throw new ApiError(400, "session_required", "Accept invites while signed in on the web page.");
  return NextResponse.json(await acceptInvite(viewer, (await context.params).token));
});
