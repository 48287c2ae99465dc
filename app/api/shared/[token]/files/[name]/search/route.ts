import type { NextRequest } from "next/server";
import { handle } from "@/lib/http/api-error";
import { readableAnalysis, fileSearchResponse } from "@/app/api/_handlers/analysis-files";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

// GET /api/shared/:token/files/:name/search – the viewer's search for a share link
export const GET = handle(async (request: NextRequest, context: { params: Promise<{ token: string; name: string }> }) => {
  const { token, name } = await context.params;
  const analysis = await readableAnalysis(request, { token });
  return fileSearchResponse(request, analysis, name);
});
