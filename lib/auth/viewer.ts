// Who is asking. Every API route and page starts here:
//   API routes:  const viewer = await requireViewer(request)   -> 401 without a session or token,
//                                                                 403 on a cross-site cookie request
//   pages:       const viewer = await requirePageViewer("/analyses") -> redirects to /sign-in
// A viewer is a user acting in one workspace: the session's active workspace, or the API token's.
// `workspaceIds` is every workspace the viewer may read from (all memberships for a session, only the
// token's workspace for a token); lib/access/* turns that into 404s for everything else.
import { headers as nextHeaders } from "next/headers";
import { redirect } from "next/navigation";
import { getAuth } from "@/lib/auth/auth";
import { checkSameOrigin } from "@/lib/auth/csrf";
import { hashToken, looksLikeToken } from "@/lib/auth/token";
import { ensureWorkspace, type WorkspaceRef } from "@/lib/workspaces/ensure-workspace";
import { ApiError } from "@/lib/http/api-error";
import { getServices } from "@/lib/platform/services";


export type Viewer = {
  userId: string;
  email: string;
  name: string;
  via: "session" | "token";
  /** the API token's id when via is "token": tokens it mints are its children and die with it */
  tokenId?: string;
  /** the workspace uploads go to and lists show */
  workspace: WorkspaceRef;
  /** every workspace this viewer may read (a token: only its own) */
  workspaces: WorkspaceRef[];
};

export const unauthorized = () =>
  new ApiError(401, "unauthorized", "Sign in, or send an API token as `Authorization: Bearer <token>`.", { "WWW-Authenticate": 'Bearer realm="expressway-analyzer"' });

/** The viewer of an API request, or null. Bearer tokens are tried first; then the session cookie. */
export async function getViewer(headers: Headers): Promise<Viewer | null> {
  const authorization = headers.get("authorization");
  if (authorization) {
    const m = /^Bearer\s+(\S+)\s*$/i.exec(authorization);
    // A malformed or unknown token is a failed sign-in, not a fall-back to the cookie.
    return m ? viewerFromToken(m[1]) : null;
  }
  return viewerFromSession(headers);
}

/**
 * For API routes: the viewer, or a 401. Requests that change something on a cookie session must come
 * from our own pages (Origin/Sec-Fetch-Site), or they get 403: that is the CSRF protection. Token
 * requests carry no ambient credential and need no such check.
 */
export async function requireViewer(request: Request): Promise<Viewer> {
  const viewer = await getViewer(request.headers);
  if (!viewer) throw unauthorized();
  if (viewer.via === "session" && !["GET", "HEAD", "OPTIONS"].includes(request.method)) checkSameOrigin(request);
  return viewer;
}

/** For server components: the viewer of the current request, or null. */
export async function getPageViewer(): Promise<Viewer | null> {
  return viewerFromSession(await nextHeaders());
}

/** For pages that need an account: sends the visitor to sign in and back to `returnTo`. */
export async function requirePageViewer(returnTo: string): Promise<Viewer> {
  const viewer = await getPageViewer();
  if (!viewer) redirect(`/sign-in?next=${encodeURIComponent(returnTo)}`);
  return viewer;
}

export type SessionUser = { userId: string; email: string; name: string };

/**
 * The signed-in user of a session request, without giving them a workspace: for accepting an invite
 * right after sign-up, so the invited workspace becomes their first and no personal one is made.
 * Changes need our own Origin, as for requireViewer.
 */
export async function requireSessionUser(request: Request): Promise<SessionUser> {
  if (request.headers.get("authorization")) throw new ApiError(400, "session_required", "Accept invites while signed in on the web page.");
  const user = await sessionUserOf(request.headers);
  if (!user) throw unauthorized();
  if (!["GET", "HEAD", "OPTIONS"].includes(request.method)) checkSameOrigin(request);
  return user;
}

async function sessionUserOf(headers: Headers) {
  if (!headers.get("cookie")) return null;
  const auth = await getAuth();
  const session = await auth.api.getSession({ headers }).catch(() => null);
  return session ? { userId: session.user.id, email: session.user.email, name: session.user.name, activeWorkspaceId: (session.user as { activeWorkspaceId?: string | null }).activeWorkspaceId } : null;
}

async function viewerFromSession(headers: Headers): Promise<Viewer | null> {
  const user = await sessionUserOf(headers);
  if (!user) return null;
  const workspaces = await ensureWorkspace({ id: user.userId, name: user.name, email: user.email });
  const active = workspaces.find((w) => w.id === user.activeWorkspaceId) ?? workspaces[0];
  return { userId: user.userId, email: user.email, name: user.name, via: "session", workspace: active, workspaces };
}

async function viewerFromToken(token: string): Promise<Viewer | null> {
  if (!looksLikeToken("api", token)) return null;
  const { prisma } = getServices().db;
  const row = await prisma.apiToken.findUnique({
    where: { tokenHash: hashToken(token) },
    include: { user: true, workspace: { include: { memberships: true } } },
  });
  if (!row) return null;
  // A token outlives nothing: if its user left the workspace, it stops working.
  const membership = row.workspace.memberships.find((m) => m.userId === row.userId);
  if (!membership) return null;
  // Touch at most once a minute: a busy CI must not turn every read into a write.
  if (!row.lastUsedAt || Date.now() - row.lastUsedAt.getTime() > 60_000) {
    await prisma.apiToken.update({ where: { id: row.id }, data: { lastUsedAt: new Date() } }).catch(() => {});
  }
  const workspace: WorkspaceRef = { id: row.workspace.id, name: row.workspace.name, role: membership.role };
  return { userId: row.userId, email: row.user.email, name: row.user.name, via: "token", tokenId: row.id, workspace, workspaces: [workspace] };
}

/** May this viewer delete the analysis or manage its share links? Its uploader, or an owner of its workspace. */
export function canManage(viewer: Viewer, analysis: { workspaceId: string | null; createdById: string | null }): boolean {
  if (!analysis.workspaceId) return false;
  const ws = viewer.workspaces.find((w) => w.id === analysis.workspaceId);
  if (!ws) return false;
  return ws.role === "owner" || analysis.createdById === viewer.userId;
}
