import { NextResponse, type NextRequest } from "next/server";
import { z } from "zod";
import { caseNotFound, findCaseForViewer } from "@/lib/access/case-access";
import { canManage, requireViewer } from "@/lib/auth/viewer";
import { ApiError, handle } from "@/lib/http/api-error";
import { createShareLinkFor, listShareLinksOf } from "@/lib/shares/share-links";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

type Context = { params: Promise<{ id: string }> };

// GET /api/cases/:id/shares – the case's share links with how often and when they were opened
export const GET = handle(async (request: NextRequest, context: Context) => {
  const viewer = await requireViewer(request);
  const found = await findCaseForViewer((await context.params).id, viewer);
  if (!found) throw caseNotFound();
  return NextResponse.json({ items: await listShareLinksOf({ caseId: found.id }), canManage: canManage(viewer, found) }, { headers: { "Cache-Control": "no-store" } });
});

const createShareSchema = z.object({ expiresInDays: z.number().int().min(1).max(365).nullable().default(null) });

// POST /api/cases/:id/shares – a read-only link to the case and its analyses ({ expiresInDays? }); the token is in the answer only
export const POST = handle(async (request: NextRequest, context: Context) => {
  const viewer = await requireViewer(request);
  const found = await findCaseForViewer((await context.params).id, viewer);
  if (!found) throw caseNotFound();
  if (!canManage(viewer, found)) throw new ApiError(403, "forbidden", "Only the case's creator or a workspace owner can share this case.");
  const input = createShareSchema.parse(await request.json().catch(() => ({})));
  return NextResponse.json(await createShareLinkFor({ caseId: found.id }, viewer.userId, input.expiresInDays), { status: 201 });
});
