import { NextResponse, type NextRequest } from "next/server";
import { z } from "zod";
import { requireViewer } from "@/lib/auth/viewer";
import { ApiError, handle } from "@/lib/http/api-error";
import { setActiveWorkspace } from "@/lib/workspaces/workspace-members";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

// POST /api/workspace/active – switch the workspace the pages show and uploads go to ({ workspaceId })
export const POST = handle(async (request: NextRequest) => {
  const viewer = await requireViewer(request);
  if (viewer.via === "token") throw new ApiError(400, "token_workspace", "An API token always acts in the workspace it was created in.");
  const { workspaceId } = z.object({ workspaceId: z.string().min(1).max(64) }).parse(await request.json().catch(() => ({})));
  await setActiveWorkspace(viewer, workspaceId);
  return new NextResponse(null, { status: 204 });
});
