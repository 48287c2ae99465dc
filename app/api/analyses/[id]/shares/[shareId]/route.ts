import { NextResponse, type NextRequest } from "next/server";
import { analysisNotFound, findAnalysisForViewer } from "@/lib/access/analysis-access";
import { canManage, requireViewer } from "@/lib/auth/viewer";
import { ApiError, handle } from "@/lib/http/api-error";
import { revokeShareLink } from "@/lib/shares/share-links";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

// DELETE /api/analyses/:id/shares/:shareId – revoke a share link; it stops working at once
export const DELETE = handle(async (request: NextRequest, context: { params: Promise<{ id: string; shareId: string }> }) => {
  const viewer = await requireViewer(request);
  const { id, shareId } = await context.params;
  const analysis = await findAnalysisForViewer(id, viewer);
  if (!analysis) throw analysisNotFound();
  if (!canManage(viewer, analysis)) throw new ApiError(403, "forbidden", "Only the uploader or a workspace owner can revoke share links.");
  if (!(await revokeShareLink(analysis.id, shareId))) throw new ApiError(404, "not_found", "No active share link with that id.");
  return new NextResponse(null, { status: 204 });
});
