// A user always has a workspace: the first time one without any is seen (a fresh sign-up), a workspace
// of their own is created with them as its owner. Returns the user's workspaces, oldest membership first.
import { getServices } from "@/lib/platform/services";

export type WorkspaceRef = { id: string; name: string; role: "owner" | "member" };

export async function ensureWorkspace(user: { id: string; name: string; email: string }): Promise<WorkspaceRef[]> {
  const { prisma } = getServices().db;
  const list = () =>
    prisma.membership.findMany({ where: { userId: user.id }, include: { workspace: true }, orderBy: { createdAt: "asc" } });
  let memberships = await list();
  if (memberships.length === 0) {
    await prisma.$transaction(async (tx) => {
      // Checked again inside the transaction: two first requests at once must not make two workspaces.
      await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext(${user.id}))`;
      if ((await tx.membership.count({ where: { userId: user.id } })) > 0) return;
      await tx.workspace.create({
        data: { name: personalWorkspaceName(user), memberships: { create: { userId: user.id, role: "owner" } } },
      });
    });
    memberships = await list();
  }
  return memberships.map((m) => ({ id: m.workspace.id, name: m.workspace.name, role: m.role }));
}

export function personalWorkspaceName(user: { name: string; email: string }): string {
  const who = user.name?.trim() || user.email.split("@")[0];
  return `${who.slice(0, 60)}'s workspace`;
}
