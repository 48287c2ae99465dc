import { NextResponse } from "next/server";
import { checkHealth } from "@/lib/platform/health";
import { handle } from "@/lib/http/api-error";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

// GET /api/health – database and queue reachable
export const GET = handle(async () => {
  const health = await checkHealth();
  return NextResponse.json(health, { status: health.status === "ok" ? 200 : 503, headers: { "Cache-Control": "no-store" } });
});
