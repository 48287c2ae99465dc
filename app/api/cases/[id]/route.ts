import { NextResponse, type NextRequest } from "next/server";
import { caseNotFound, findCaseForViewer, getCaseForViewer } from "@/lib/access/case-access";
import { canManage, requireViewer } from "@/lib/auth/viewer";
import { deleteCase } from "@/lib/cases/delete-case";
import { ApiError, handle } from "@/lib/http/api-error";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

type Context = { params: Promise<{ id: string }> };

// GET /api/cases/:id – the case's analyses, merged findings and MRA requests joined across boxes
export const GET = handle(async (request: NextRequest, context: Context) => {
  const viewer = await requireViewer(request);
  const found = await getCaseForViewer((await context.params).id, viewer);
  if (!found) throw caseNotFound();
  return NextResponse.json(found, { headers: { "Cache-Control": "no-store" } });
});

// DELETE /api/cases/:id – the case with its analyses (their bundles, results, share links) and its share links
export const DELETE = handle(async (request: NextRequest, context: Context) => {
  const viewer = await requireViewer(request);
  const found = await findCaseForViewer((await context.params).id, viewer);
  if (!found) throw caseNotFound();
  if (!canManage(viewer, found)) throw new ApiError(403, "forbidden", "Only the case's creator or a workspace owner can delete this case.");
  await deleteCase(found.id);
  return new NextResponse(null, { status: 204 });
});
