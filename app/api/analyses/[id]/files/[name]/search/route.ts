import type { NextRequest } from "next/server";
import { handle } from "@/lib/http/api-error";
import { readableAnalysis, fileSearchResponse } from "@/app/api/_handlers/analysis-files";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

// GET /api/analyses/:id/files/:name/search?q=&regex=&from=&limit= – matching lines, streamed (NDJSON)
export const GET = handle(async (request: NextRequest, context: { params: Promise<{ id: string; name: string }> }) => {
  const { id, name } = await context.params;
  const analysis = await readableAnalysis(request, { id });
  return fileSearchResponse(request, analysis, name);
});
