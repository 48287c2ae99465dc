// Share links: a read-only view of one analysis for anyone holding the link, no account needed. The
// token (256 bits) is shown once and only its SHA-256 is stored; revoking takes effect on the next
// request because every open looks the link up again.
import { hashToken, looksLikeToken, newToken } from "@/lib/auth/token";
import type { AnalysisView } from "@/lib/results/types";
import { getAnalysis } from "@/lib/analyses/get-analysis";
import { getServices } from "@/lib/platform/services";

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
};

type Row = {
  id: string;
  createdAt: Date;
  expiresAt: Date | null;
  revokedAt: Date | null;
  openCount: number;
  lastOpenedAt: Date | null;
  createdBy?: { name: string; email: string } | null;
};

function toView(r: Row): ShareLinkView {
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
  };
}

export const sharePath = (token: string) => `/s/${token}`;

export async function createShareLink(analysisId: string, userId: string, expiresInDays: number | null): Promise<ShareLinkView & { token: string; url: string }> {
  const { token, hash } = newToken("share");
  const row = await getServices().db.prisma.shareLink.create({
    data: {
      analysisId,
      tokenHash: hash,
      createdById: userId,
      expiresAt: expiresInDays ? new Date(Date.now() + expiresInDays * 24 * 3600 * 1000) : null,
    },
    include: { createdBy: true },
  });
  return { ...toView(row), token, url: sharePath(token) };
}

export async function listShareLinks(analysisId: string): Promise<ShareLinkView[]> {
  const rows = await getServices().db.prisma.shareLink.findMany({
    where: { analysisId },
    include: { createdBy: true },
    orderBy: { createdAt: "desc" },
  });
  return rows.map(toView);
}

export async function revokeShareLink(analysisId: string, shareId: string): Promise<boolean> {
  const { count } = await getServices().db.prisma.shareLink.updateMany({
    where: { id: shareId, analysisId, revokedAt: null },
    data: { revokedAt: new Date() },
  });
  return count > 0;
}

/** The stored analysis an active share token opens (its bundle and files), or null; not counted as an open. */
export async function findSharedAnalysis(token: string) {
  if (!looksLikeToken("share", token)) return null;
  const { prisma } = getServices().db;
  const link = await prisma.shareLink.findUnique({ where: { tokenHash: hashToken(token) }, include: { analysis: true } });
  if (!link || link.revokedAt || (link.expiresAt && link.expiresAt <= new Date())) return null;
  return link.analysis;
}

/**
 * The analysis a share token opens, or null when the token is unknown, revoked or expired. `count`
 * records an open (the page view counts; the page's polling does not).
 */
export async function openShareLink(token: string, opts: { count: boolean }): Promise<AnalysisView | null> {
  const link = await findLiveShareLink(token);
  if (!link) return null;
  const { prisma } = getServices().db;
  const now = new Date();
  if (opts.count) {
    await prisma.shareLink.update({ where: { id: link.id }, data: { openCount: { increment: 1 }, lastOpenedAt: now } });
  }
  return getAnalysis(link.analysisId, {});
}

/** The analysis id a live (not revoked, not expired) share token opens, for the views a shared page loads. */
export async function sharedAnalysisId(token: string): Promise<string | null> {
  return (await findLiveShareLink(token))?.analysisId ?? null;
}

async function findLiveShareLink(token: string) {
  if (!looksLikeToken("share", token)) return null;
  const link = await getServices().db.prisma.shareLink.findUnique({ where: { tokenHash: hashToken(token) } });
  if (!link || link.revokedAt || (link.expiresAt && link.expiresAt <= new Date())) return null;
  return link;
}
