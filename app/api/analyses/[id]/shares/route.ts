import { NextResponse, type NextRequest } from "next/server";
import { z } from "zod";
import { analysisNotFound, findAnalysisForViewer } from "@/lib/access/analysis-access";
import { canManage, requireViewer } from "@/lib/auth/viewer";
import { ApiError, handle } from "@/lib/http/api-error";
import { createShareLink, listShareLinks } from "@/lib/shares/share-links";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

type Context = { params: Promise<{ id: string }> };

// GET /api/analyses/:id/shares – the analysis's share links with how often and when they were opened
export const GET = handle(async (request: NextRequest, context: Context) => {
  const viewer = await requireViewer(request);
  const analysis = await findAnalysisForViewer((await context.params).id, viewer);
  if (!analysis) throw analysisNotFound();
  return NextResponse.json({ items: await listShareLinks(analysis.id), canManage: canManage(viewer, analysis) }, { headers: { "Cache-Control": "no-store" } });
});

const createShareSchema = z.object({ expiresInDays: z.number().int().min(1).max(365).nullable().default(null) });

// POST /api/analyses/:id/shares – a new read-only link ({ expiresInDays? }); the token is in the answer only
export const POST = handle(async (request: NextRequest, context: Context) => {
  const viewer = await requireViewer(request);
  const analysis = await findAnalysisForViewer((await context.params).id, viewer);
  if (!analysis) throw analysisNotFound();
  if (!canManage(viewer, analysis)) throw new ApiError(403, "forbidden", "Only the uploader or a workspace owner can share this analysis.");
  const input = createShareSchema.parse(await request.json().catch(() => ({})));
  return NextResponse.json(await createShareLink(analysis.id, viewer.userId, input.expiresInDays), { status: 201 });
});
