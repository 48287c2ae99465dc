// API tokens for scripts and CI: `Authorization: Bearer eat_…`, acting as their user in the workspace
// they were created in. Shown once at creation; only the SHA-256 is stored. A token created with a token
// records it as its parent, and the database removes children with their parent (ON DELETE CASCADE), so a
// revoked token leaves no descendant working.
import { newToken } from "@/lib/auth/token";
import { getServices } from "@/lib/platform/services";

export type ApiTokenView = { id: string; name: string; prefix: string; workspace: string; createdAt: string; lastUsedAt: string | null };

export async function createApiToken(userId: string, workspaceId: string, name: string, parentId?: string): Promise<ApiTokenView & { token: string }> {
  const { token, hash } = newToken("api");
  const row = await getServices().db.prisma.apiToken.create({
    data: { name: name.trim().slice(0, 100) || "token", tokenHash: hash, prefix: token.slice(0, 10), userId, workspaceId, parentId: parentId ?? null },
    include: { workspace: true },
  });
  return { ...toView(row), token };
}

export async function listApiTokens(userId: string): Promise<ApiTokenView[]> {
  const rows = await getServices().db.prisma.apiToken.findMany({ where: { userId }, include: { workspace: true }, orderBy: { createdAt: "desc" } });
  return rows.map(toView);
}

export async function revokeApiToken(userId: string, tokenId: string): Promise<boolean> {
  const { count } = await getServices().db.prisma.apiToken.deleteMany({ where: { id: tokenId, userId } });
  return count > 0;
}

function toView(r: { id: string; name: string; prefix: string; createdAt: Date; lastUsedAt: Date | null; workspace: { name: string } }): ApiTokenView {
  return { id: r.id, name: r.name, prefix: r.prefix, workspace: r.workspace.name, createdAt: r.createdAt.toISOString(), lastUsedAt: r.lastUsedAt?.toISOString() ?? null };
}
