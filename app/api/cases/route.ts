import { NextResponse, type NextRequest } from "next/server";
import { z } from "zod";
import { requireViewer } from "@/lib/auth/viewer";
import { createCase } from "@/lib/cases/create-case";
import { listCases } from "@/lib/cases/list-cases";
import { handle } from "@/lib/http/api-error";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

// GET /api/cases – the workspace's cases, newest first
export const GET = handle(async (request: NextRequest) => {
  const viewer = await requireViewer(request);
  return NextResponse.json(await listCases(viewer.workspace.id), { headers: { "Cache-Control": "no-store" } });
});

const createCaseSchema = z.object({ title: z.string().max(200).optional() });

// POST /api/cases – an empty case ({ title? }); add bundles with POST /api/analyses?case=<id>
export const POST = handle(async (request: NextRequest) => {
  const viewer = await requireViewer(request);
  const input = createCaseSchema.parse(await request.json().catch(() => ({})));
  const created = await createCase({ workspaceId: viewer.workspace.id, userId: viewer.userId, title: input.title });
  return NextResponse.json({ id: created.id, url: created.url }, { status: 201, headers: { Location: created.url } });
});
