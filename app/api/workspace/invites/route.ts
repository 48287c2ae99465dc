import { NextResponse, type NextRequest } from "next/server";
import { z } from "zod";
import { requireViewer } from "@/lib/auth/viewer";
import { handle } from "@/lib/http/api-error";
import { createInvite } from "@/lib/workspaces/workspace-members";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

const inviteSchema = z.object({ email: z.string().trim().toLowerCase().email().max(254) });

// POST /api/workspace/invites – owner invites an email address; answers the invite link (shown once)
export const POST = handle(async (request: NextRequest) => {
  const viewer = await requireViewer(request);
  const { email } = inviteSchema.parse(await request.json().catch(() => ({})));
  return NextResponse.json(await createInvite(viewer, email), { status: 201, headers: { "Cache-Control": "no-store" } });
});
