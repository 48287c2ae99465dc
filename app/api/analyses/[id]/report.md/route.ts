import type { NextRequest } from "next/server";
import { handle } from "@/lib/http/api-error";
import { readableAnalysis, reportMarkdownResponse } from "@/app/api/_handlers/analysis-files";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

// GET /api/analyses/:id/report.md – the report to paste into a case
export const GET = handle(async (request: NextRequest, context: { params: Promise<{ id: string }> }) => {
  const { id } = await context.params;
  const analysis = await readableAnalysis(request, { id });
  return reportMarkdownResponse(request, { id }, analysis);
});
