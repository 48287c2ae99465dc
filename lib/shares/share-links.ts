// Share links: a read-only view of one analysis, or of one case and its analyses, for anyone holding
// the link, no account needed. The token (256 bits) is shown once and only its SHA-256 is stored;
// revoking takes effect on the next request because every open looks the link up again.
import { hashToken, looksLikeToken, newToken } from "@/lib/auth/token";
import type { AnalysisView } from "@/lib/results/types";
import { getAnalysis } from "@/lib/analyses/get-analysis";
import type { CaseView } from "@/lib/cases/case-view";
import { getCase } from "@/lib/cases/get-case";
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

/** What a link opens: one analysis, or one case (and, through it, its analyses). */
export type ShareTarget = { analysisId: string } | { caseId: string };

export async function createShareLink(analysisId: string, userId: string, expiresInDays: number | null): Promise<ShareLinkView & { token: string; url: string }> {
  return createShareLinkFor({ analysisId }, userId, expiresInDays);
}

export async function createShareLinkFor(target: ShareTarget, userId: string, expiresInDays: number | null): Promise<ShareLinkView & { token: string; url: string }> {
  const { token, hash } = newToken("share");
  const row = await getServices().db.prisma.shareLink.create({
    data: {
      ...target,
      tokenHash: hash,
      createdById: userId,
      expiresAt: expiresInDays ? new Date(Date.now() + expiresInDays * 24 * 3600 * 1000) : null,
    },
    include: { createdBy: true },
  });
  return { ...toView(row), token, url: sharePath(token) };
}

export async function listShareLinks(analysisId: string): Promise<ShareLinkView[]> {
  return listShareLinksOf({ analysisId });
}

export async function listShareLinksOf(target: ShareTarget): Promise<ShareLinkView[]> {
  const rows = await getServices().db.prisma.shareLink.findMany({
    where: target,
    include: { createdBy: true },
    orderBy: { createdAt: "desc" },
  });
  return rows.map(toView);
}

export async function revokeShareLink(analysisId: string, shareId: string): Promise<boolean> {
  return revokeShareLinkOf({ analysisId }, shareId);
}

export async function revokeShareLinkOf(target: ShareTarget, shareId: string): Promise<boolean> {
  const { count } = await getServices().db.prisma.shareLink.updateMany({
    where: { id: shareId, ...target, revokedAt: null },
    data: { revokedAt: new Date() },
  });
  return count > 0;
}

async function findOpenLink(token: string, opts: { count: boolean }) {
  if (!looksLikeToken("share", token)) return null;
  const { prisma } = getServices().db;
  const now = new Date();
  const link = await prisma.shareLink.findUnique({ where: { tokenHash: hashToken(token) } });
  if (!link || link.revokedAt || (link.expiresAt && link.expiresAt <= now)) return null;
  if (opts.count) {
    await prisma.shareLink.update({ where: { id: link.id }, data: { openCount: { increment: 1 }, lastOpenedAt: now } });
  }
  return link;
}

/**
 * What a share token opens, or null when the token is unknown, revoked or expired. `count` records
 * an open (the page view counts; the page's polling does not).
 */
export async function openShare(token: string, opts: { count: boolean }): Promise<{ analysis: AnalysisView } | { case: CaseView } | null> {
  const link = await findOpenLink(token, opts);
  if (link?.analysisId) {
    const analysis = await getAnalysis(link.analysisId, {});
    return analysis ? { analysis } : null;
  }
  if (link?.caseId) {
    const found = await getCase(link.caseId, {});
    return found ? { case: found } : null;
  }
  return null;
}

/** The analysis a share token of an analysis opens (links to a case open null here: see openShare). */
export async function openShareLink(token: string, opts: { count: boolean }): Promise<AnalysisView | null> {
  const link = await findOpenLink(token, opts);
  return link?.analysisId ? getAnalysis(link.analysisId, {}) : null;
}

/** One analysis of a shared case, read through the case's link (never counted as an open). */
export async function openSharedCaseAnalysis(token: string, analysisId: string): Promise<AnalysisView | null> {
  const link = await findOpenLink(token, { count: false });
  if (!link?.caseId) return null;
  return getAnalysis(analysisId, { caseId: link.caseId });
}

/** The analysis id a live (not revoked, not expired) share link of an analysis opens, for the views a shared page loads. */
export async function sharedAnalysisId(token: string): Promise<string | null> {
  return (await findOpenLink(token, { count: false }))?.analysisId ?? null;
}
