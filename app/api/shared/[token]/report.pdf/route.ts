import type { NextRequest } from "next/server";
import { handle } from "@/lib/http/api-error";
import { readableAnalysis, reportPdfResponse } from "@/app/api/_handlers/analysis-files";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

// GET /api/shared/:token/report.pdf – the PDF report, for a share link
export const GET = handle(async (request: NextRequest, context: { params: Promise<{ token: string }> }) => {
  const { token } = await context.params;
  const analysis = await readableAnalysis(request, { token });
  return reportPdfResponse(request, { token }, analysis);
});
