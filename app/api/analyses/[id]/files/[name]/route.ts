import type { NextRequest } from "next/server";
import { handle } from "@/lib/http/api-error";
import { readableAnalysis, fileDownloadResponse } from "@/app/api/_handlers/analysis-files";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

// GET /api/analyses/:id/files/:name – one file of the bundle, as a download
export const GET = handle(async (request: NextRequest, context: { params: Promise<{ id: string; name: string }> }) => {
  const { id, name } = await context.params;
  const analysis = await readableAnalysis(request, { id });
  return fileDownloadResponse(analysis, name);
});
