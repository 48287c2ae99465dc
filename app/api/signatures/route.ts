import { NextResponse } from "next/server";
import { handle } from "@/lib/http/api-error";
import { getCatalog } from "@/lib/signatures/catalog";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

// GET /api/signatures – the catalog: what each signature checks and the inputs it needs
export const GET = handle(async () => NextResponse.json(getCatalog()));
