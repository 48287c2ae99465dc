import { NextResponse, type NextRequest } from "next/server";
import { requireSessionUser } from "@/lib/auth/viewer";
import { handle } from "@/lib/http/api-error";
import { acceptInvite } from "@/lib/workspaces/workspace-members";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

// POST /api/invites/:token – the signed-in user joins the workspace the invite is for (right after
// sign-up too: no personal workspace is made on the way)
export const POST = handle(async (request: NextRequest, context: { params: Promise<{ token: string }> }) => {
  const user = await requireSessionUser(request);
  return NextResponse.json(await acceptInvite(user, (await context.params).token));
});
