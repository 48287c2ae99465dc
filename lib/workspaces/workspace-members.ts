// Members and invites of one workspace. Invites are links (no mail server needed): the owner copies the
// link to the invited person; whoever opens it signed in with that email address joins.
import { ApiError } from "@/lib/http/api-error";
import { newToken, hashToken, looksLikeToken } from "@/lib/auth/token";
import type { Viewer } from "@/lib/auth/viewer";
import { getServices } from "@/lib/platform/services";

const INVITE_DAYS = 7;

export type MemberView = { userId: string; name: string; email: string; role: "owner" | "member"; joinedAt: string };
export type InviteView = { id: string; email: string; createdAt: string; expiresAt: string; acceptedAt: string | null };

export async function listMembers(workspaceId: string): Promise<{ members: MemberView[]; invites: InviteView[] }> {
  const { prisma } = getServices().db;
  const [members, invites] = await Promise.all([
    prisma.membership.findMany({ where: { workspaceId }, include: { user: true }, orderBy: { createdAt: "asc" } }),
    prisma.invite.findMany({ where: { workspaceId, acceptedAt: null, expiresAt: { gt: new Date() } }, orderBy: { createdAt: "desc" } }),
  ]);
  return {
    members: members.map((m) => ({ userId: m.userId, name: m.user.name, email: m.user.email, role: m.role, joinedAt: m.createdAt.toISOString() })),
    invites: invites.map((i) => ({ id: i.id, email: i.email, createdAt: i.createdAt.toISOString(), expiresAt: i.expiresAt.toISOString(), acceptedAt: null })),
  };
}

function requireOwner(viewer: Viewer) {
  if (viewer.workspace.role !== "owner") throw new ApiError(403, "forbidden", "Only an owner of this workspace can do that.");
}

export async function createInvite(viewer: Viewer, email: string): Promise<InviteView & { token: string; url: string }> {
  requireOwner(viewer);
  const { prisma } = getServices().db;
  const normalized = email.trim().toLowerCase();
  const already = await prisma.membership.findFirst({ where: { workspaceId: viewer.workspace.id, user: { email: normalized } } });
  if (already) throw new ApiError(409, "already_member", `${normalized} is already a member of this workspace.`);
  const { token, hash } = newToken("invite");
  const row = await prisma.invite.create({
    data: {
      workspaceId: viewer.workspace.id,
      email: normalized,
      tokenHash: hash,
      createdById: viewer.userId,
      expiresAt: new Date(Date.now() + INVITE_DAYS * 24 * 3600 * 1000),
    },
  });
  return { id: row.id, email: row.email, createdAt: row.createdAt.toISOString(), expiresAt: row.expiresAt.toISOString(), acceptedAt: null, token, url: `/invite/${token}` };
}

export async function revokeInvite(viewer: Viewer, inviteId: string): Promise<boolean> {
  requireOwner(viewer);
  const { count } = await getServices().db.prisma.invite.deleteMany({ where: { id: inviteId, workspaceId: viewer.workspace.id, acceptedAt: null } });
  return count > 0;
}

export async function removeMember(viewer: Viewer, userId: string): Promise<boolean> {
  requireOwner(viewer);
  const { prisma } = getServices().db;
  if (userId === viewer.userId) {
    const owners = await prisma.membership.count({ where: { workspaceId: viewer.workspace.id, role: "owner" } });
    if (owners <= 1) throw new ApiError(409, "last_owner", "A workspace keeps at least one owner.");
  }
  const { count } = await prisma.membership.deleteMany({ where: { workspaceId: viewer.workspace.id, userId } });
  // Their tokens for this workspace stop with their membership.
  await prisma.apiToken.deleteMany({ where: { workspaceId: viewer.workspace.id, userId } });
  return count > 0;
}

export type InviteLink = { id: string; email: string; workspaceId: string; workspaceName: string; invitedBy: string };

/**
 * What an invite link is now: usable, already used (by whom is not said), expired, or unknown (never
 * existed, or revoked: revoking deletes it). For the invite page to say which.
 */
export async function describeInvite(
  token: string,
): Promise<({ state: "active" } & InviteLink) | ({ state: "used"; at: string } & InviteLink) | ({ state: "expired"; at: string } & InviteLink) | { state: "unknown" }> {
  if (!looksLikeToken("invite", token)) return { state: "unknown" };
  const row = await getServices().db.prisma.invite.findUnique({ where: { tokenHash: hashToken(token) }, include: { workspace: true, createdBy: true } });
  if (!row) return { state: "unknown" };
  const link = { id: row.id, email: row.email, workspaceId: row.workspaceId, workspaceName: row.workspace.name, invitedBy: row.createdBy.name || row.createdBy.email };
  if (row.acceptedAt) return { state: "used", at: row.acceptedAt.toISOString(), ...link };
  if (row.expiresAt < new Date()) return { state: "expired", at: row.expiresAt.toISOString(), ...link };
  return { state: "active", ...link };
}

/** The invite a link names, if it can still be used. */
export async function findInvite(token: string): Promise<InviteLink | null> {
  const invite = await describeInvite(token);
  if (invite.state !== "active") return null;
  const { state: _state, ...link } = invite;
  return link;
}

/**
 * Joins the invite's workspace (as a member) and makes it the active one. The link works once. Takes
 * the session's user, not a viewer: someone who signed up from the invite has no workspace yet and
 * must not be given a personal one first.
 */
export async function acceptInvite(viewer: { userId: string; email: string }, token: string): Promise<{ workspaceId: string }> {
  const invite = await findInvite(token);
  if (!invite) throw new ApiError(404, "not_found", "This invite link is unknown, used or expired.");
  if (invite.email !== viewer.email.toLowerCase()) {
    throw new ApiError(403, "wrong_account", `This invite is for ${invite.email}; you are signed in as ${viewer.email}.`);
  }
  const { prisma } = getServices().db;
  await prisma.$transaction(async (tx) => {
    const { count } = await tx.invite.updateMany({ where: { id: invite.id, acceptedAt: null }, data: { acceptedAt: new Date(), acceptedBy: viewer.userId } });
    if (count === 0) throw new ApiError(404, "not_found", "This invite link is unknown, used or expired.");
    await tx.membership.upsert({
      where: { userId_workspaceId: { userId: viewer.userId, workspaceId: invite.workspaceId } },
      create: { userId: viewer.userId, workspaceId: invite.workspaceId, role: "member" },
      update: {},
    });
    await tx.user.update({ where: { id: viewer.userId }, data: { activeWorkspaceId: invite.workspaceId } });
  });
  return { workspaceId: invite.workspaceId };
}

export async function setActiveWorkspace(viewer: Viewer, workspaceId: string): Promise<void> {
  if (!viewer.workspaces.some((w) => w.id === workspaceId)) throw new ApiError(404, "not_found", "No such workspace.");
  await getServices().db.prisma.user.update({ where: { id: viewer.userId }, data: { activeWorkspaceId: workspaceId } });
}
