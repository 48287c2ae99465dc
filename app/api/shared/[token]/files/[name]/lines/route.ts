import type { NextRequest } from "next/server";
import { handle } from "@/lib/http/api-error";
import { readableAnalysis, fileLinesResponse } from "@/app/api/_handlers/analysis-files";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

// GET /api/shared/:token/files/:name/lines – the viewer's lines for a share link (read-only)
export const GET = handle(async (request: NextRequest, context: { params: Promise<{ token: string; name: string }> }) => {
  const { token, name } = await context.params;
  const analysis = await readableAnalysis(request, { token });
  return fileLinesResponse(request, analysis, name);
});
