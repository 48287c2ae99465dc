import type { NextRequest } from "next/server";
import { handle } from "@/lib/http/api-error";
import { readableAnalysis, bundleDownloadResponse } from "@/app/api/_handlers/analysis-files";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

// GET /api/analyses/:id/bundle – the uploaded bundle, byte for byte
export const GET = handle(async (request: NextRequest, context: { params: Promise<{ id: string }> }) => {
  const { id } = await context.params;
  const analysis = await readableAnalysis(request, { id });
  return bundleDownloadResponse(analysis);
});
