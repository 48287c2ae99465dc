import { NextResponse, type NextRequest } from "next/server";
import { caseNotFound, findCaseForViewer } from "@/lib/access/case-access";
import { canManage, requireViewer } from "@/lib/auth/viewer";
import { ApiError, handle } from "@/lib/http/api-error";
import { revokeShareLinkOf } from "@/lib/shares/share-links";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

// DELETE /api/cases/:id/shares/:shareId – revoke a case's share link; it stops working at once
export const DELETE = handle(async (request: NextRequest, context: { params: Promise<{ id: string; shareId: string }> }) => {
  const viewer = await requireViewer(request);
  const { id, shareId } = await context.params;
  const found = await findCaseForViewer(id, viewer);
  if (!found) throw caseNotFound();
  if (!canManage(viewer, found)) throw new ApiError(403, "forbidden", "Only the case's creator or a workspace owner can revoke share links.");
  if (!(await revokeShareLinkOf({ caseId: found.id }, shareId))) throw new ApiError(404, "not_found", "No active share link with that id.");
  return new NextResponse(null, { status: 204 });
});
