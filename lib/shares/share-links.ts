// Share links: a read-only view of one analysis for anyone holding the link, no account needed. The
// token (256 bits) is looked up by its SHA-256 and kept sealed beside it (lib/shares/seal-token.ts) so
// the panel can list the URL of every active link; revoking takes effect on the next request because
// every open looks the link up again.
import { hashToken, looksLikeToken, newToken } from "@/lib/auth/token";
import { loadAuthSecret } from "@/lib/auth/secret";
import type { AnalysisView } from "@/lib/results/types";
import { getAnalysis } from "@/lib/analyses/get-analysis";
import { getServices } from "@/lib/platform/services";
import { sealToken, unsealToken } from "@/lib/shares/seal-token";

export type ShareLinkView = {
  id: string;
  createdAt: string;
  createdBy: string | null;
  expiresAt: string | null;
  revokedAt: string | null;
  openCount: number;
  lastOpenedAt: string | null;
  /** "active" | "expired" | "revoked" */
  state: "active" | "expired" | "revoked";
  /** the link's path (/s/<token>) while it is active; null once it stopped working, or for a link made
   * before URLs were kept */
  url: string | null;
};

type Row = {
  id: string;
  createdAt: Date;
  expiresAt: Date | null;
  revokedAt: Date | null;
  openCount: number;
  lastOpenedAt: Date | null;
  tokenSealed?: string | null;
  createdBy?: { name: string; email: string } | null;
};

// The secret is read once per database (it only changes with BETTER_AUTH_SECRET, i.e. a restart).
const secrets = new WeakMap<object, Promise<string>>();
function shareSecret(): Promise<string> {
  const { db } = getServices();
  let s = secrets.get(db);
  if (!s) {
    s = loadAuthSecret(db.prisma);
    s.catch(() => secrets.delete(db));
    secrets.set(db, s);
  }
  return s;
}

function toView(r: Row, secret: string): ShareLinkView {
  const state = r.revokedAt ? "revoked" : r.expiresAt && r.expiresAt <= new Date() ? "expired" : "active";
  return {
    id: r.id,
    createdAt: r.createdAt.toISOString(),
    createdBy: r.createdBy ? r.createdBy.name || r.createdBy.email : null,
    expiresAt: r.expiresAt?.toISOString() ?? null,
    revokedAt: r.revokedAt?.toISOString() ?? null,
    openCount: r.openCount,
    lastOpenedAt: r.lastOpenedAt?.toISOString() ?? null,
    state,
    url: state === "active" ? pathOf(unsealToken(r.tokenSealed, secret)) : null,
  };
}

const pathOf = (token: string | null) => (token && looksLikeToken("share", token) ? sharePath(token) : null);

export const sharePath = (token: string) => `/s/${token}`;

export async function createShareLink(analysisId: string, userId: string, expiresInDays: number | null): Promise<ShareLinkView & { token: string; url: string }> {
  const { token, hash } = newToken("share");
  const secret = await shareSecret();
  const row = await getServices().db.prisma.shareLink.create({
    data: {
      analysisId,
      tokenHash: hash,
      tokenSealed: sealToken(token, secret),
      createdById: userId,
      expiresAt: expiresInDays ? new Date(Date.now() + expiresInDays * 24 * 3600 * 1000) : null,
    },
    include: { createdBy: true },
  });
  return { ...toView(row, secret), token, url: sharePath(token) };
}

export async function listShareLinks(analysisId: string): Promise<ShareLinkView[]> {
  const [rows, secret] = await Promise.all([
    getServices().db.prisma.shareLink.findMany({
      where: { analysisId },
      include: { createdBy: true },
      orderBy: { createdAt: "desc" },
    }),
    shareSecret(),
  ]);
  return rows.map((r) => toView(r, secret));
}

export async function revokeShareLink(analysisId: string, shareId: string): Promise<boolean> {
  const { count } = await getServices().db.prisma.shareLink.updateMany({
    where: { id: shareId, analysisId, revokedAt: null },
    data: { revokedAt: new Date() },
  });
  return count > 0;
}

/** What a share token opens: the analysis, or why not (the page says which, without the analysis). */
export type OpenedShareLink =
  | { state: "active"; view: AnalysisView; expiresAt: string | null }
  | { state: "revoked"; at: string }
  | { state: "expired"; at: string }
  | { state: "unknown" };

/**
 * Opens a share token. `count` records an open (the page view counts; the page's polling does not).
 * A revoked or expired link says so and when; it never reveals the analysis.
 */
export async function openShareLink(token: string, opts: { count: boolean }): Promise<OpenedShareLink> {
  if (!looksLikeToken("share", token)) return { state: "unknown" };
  const { prisma } = getServices().db;
  const now = new Date();
  const link = await prisma.shareLink.findUnique({ where: { tokenHash: hashToken(token) } });
  if (!link) return { state: "unknown" };
  if (link.revokedAt) return { state: "revoked", at: link.revokedAt.toISOString() };
  if (link.expiresAt && link.expiresAt <= now) return { state: "expired", at: link.expiresAt.toISOString() };
  if (opts.count) {
    await prisma.shareLink.update({ where: { id: link.id }, data: { openCount: { increment: 1 }, lastOpenedAt: now } });
  }
  const view = await getAnalysis(link.analysisId, {});
  // The analysis was deleted between the two reads: its links went with it.
  if (!view) return { state: "unknown" };
  return { state: "active", view, expiresAt: link.expiresAt?.toISOString() ?? null };
}
