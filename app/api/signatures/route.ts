import { NextResponse, type NextRequest } from "next/server";
import { requireViewer } from "@/lib/auth/viewer";
import { handle } from "@/lib/http/api-error";
import { getCatalog } from "@/lib/signatures/catalog";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

// GET /api/signatures – the catalog: what each signature checks and the inputs it needs
export const GET = handle(async (request: NextRequest) => {
  await requireViewer(request);
  return NextResponse.json(getCatalog());
});
