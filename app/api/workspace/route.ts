import { NextResponse, type NextRequest } from "next/server";
import { requireViewer } from "@/lib/auth/viewer";
import { handle } from "@/lib/http/api-error";
import { listMembers } from "@/lib/workspaces/workspace-members";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

// GET /api/workspace – the current workspace, its members and open invites, and the viewer's other workspaces
export const GET = handle(async (request: NextRequest) => {
  const viewer = await requireViewer(request);
  return NextResponse.json(
    { workspace: viewer.workspace, workspaces: viewer.workspaces, ...(await listMembers(viewer.workspace.id)) },
    { headers: { "Cache-Control": "no-store" } },
  );
});
