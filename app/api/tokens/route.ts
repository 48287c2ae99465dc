import { NextResponse, type NextRequest } from "next/server";
import { z } from "zod";
import { requireViewer } from "@/lib/auth/viewer";
import { handle } from "@/lib/http/api-error";
import { createApiToken, listApiTokens } from "@/lib/tokens/api-tokens";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

// GET /api/tokens – the signed-in user's API tokens (never the secrets)
export const GET = handle(async (request: NextRequest) => {
  const viewer = await requireViewer(request);
  return NextResponse.json({ items: await listApiTokens(viewer.userId) }, { headers: { "Cache-Control": "no-store" } });
});

const createTokenSchema = z.object({ name: z.string().trim().min(1).max(100) });

// POST /api/tokens – a new token for the current workspace ({ name }); the secret is in this answer only.
// A token minted with a token is its child: revoking the parent revokes it too.
export const POST = handle(async (request: NextRequest) => {
  const viewer = await requireViewer(request);
  const { name } = createTokenSchema.parse(await request.json().catch(() => ({})));
  return NextResponse.json(await createApiToken(viewer.userId, viewer.workspace.id, name, viewer.tokenId), { status: 201, headers: { "Cache-Control": "no-store" } });
});
