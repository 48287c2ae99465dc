// Share links: a read-only view of one analysis, or of one case and its analyses, for anyone holding
// the link, no account needed. The token (256 bits) is looked up by its SHA-256 and kept sealed beside it
// (lib/shares/seal-token.ts) so the panel can list the URL of every active link; revoking takes effect on
// the next request because every open looks the link up again.
import { hashToken, looksLikeToken, newToken } from "@/lib/auth/token";
import { loadAuthSecret } from "@/lib/auth/secret";
import type { AnalysisView } from "@/lib/results/types";
import { getAnalysis } from "@/lib/analyses/get-analysis";
import type { CaseView } from "@/lib/cases/case-view";
import { getCase } from "@/lib/cases/get-case";
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

/** What a link opens: one analysis, or one case (and, through it, its analyses). */
export type ShareTarget = { analysisId: string } | { caseId: string };

export async function createShareLink(analysisId: string, userId: string, expiresInDays: number | null): Promise<ShareLinkView & { token: string; url: string }> {
  return createShareLinkFor({ analysisId }, userId, expiresInDays);
}

export async function createShareLinkFor(target: ShareTarget, userId: string, expiresInDays: number | null): Promise<ShareLinkView & { token: string; url: string }> {
  const { token, hash } = newToken("share");
  const secret = await shareSecret();
  const row = await getServices().db.prisma.shareLink.create({
    data: {
      ...target,
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
  return listShareLinksOf({ analysisId });
}

export async function listShareLinksOf(target: ShareTarget): Promise<ShareLinkView[]> {
  const [rows, secret] = await Promise.all([
    getServices().db.prisma.shareLink.findMany({
      where: target,
      include: { createdBy: true },
      orderBy: { createdAt: "desc" },
    }),
    shareSecret(),
  ]);
  return rows.map((r) => toView(r, secret));
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

/** The stored analysis an active share token opens (its bundle and files), or null; not counted as an open. */
export async function findSharedAnalysis(token: string) {
  if (!looksLikeToken("share", token)) return null;
  const { prisma } = getServices().db;
  const link = await prisma.shareLink.findUnique({ where: { tokenHash: hashToken(token) }, include: { analysis: true } });
  if (!link || link.revokedAt || (link.expiresAt && link.expiresAt <= new Date())) return null;
  return link.analysis;
}

/** What a share token opens: an analysis or a case, or why not (the page says which, without showing it). */
export type OpenedShare =
  | { state: "active"; expiresAt: string | null; analysis: AnalysisView }
  | { state: "active"; expiresAt: string | null; case: CaseView }
  | { state: "revoked"; at: string }
  | { state: "expired"; at: string }
  | { state: "unknown" };

type LinkLookup = { state: "revoked" | "expired"; at: string } | { state: "unknown" } | { state: "active"; link: { id: string; analysisId: string | null; caseId: string | null; expiresAt: Date | null } };

/** Looks a token up; `count` records an open of a live link (the page view counts; polling does not). */
async function findLink(token: string, opts: { count: boolean }): Promise<LinkLookup> {
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
  return { state: "active", link };
}

/**
 * Opens a share token: the analysis or the case it shows with its expiry. A revoked or expired link
 * says so and when; it never reveals what it showed. One deleted since reads as unknown.
 */
export async function openShare(token: string, opts: { count: boolean }): Promise<OpenedShare> {
  const found = await findLink(token, opts);
  if (found.state !== "active") return found;
  const expiresAt = found.link.expiresAt?.toISOString() ?? null;
  if (found.link.analysisId) {
    const analysis = await getAnalysis(found.link.analysisId, {});
    return analysis ? { state: "active", expiresAt, analysis } : { state: "unknown" };
  }
  if (found.link.caseId) {
    const view = await getCase(found.link.caseId, {});
    return view ? { state: "active", expiresAt, case: view } : { state: "unknown" };
  }
  return { state: "unknown" };
}

/** One analysis of a shared case, read through the case's live link (never counted as an open). */
export async function openSharedCaseAnalysis(token: string, analysisId: string): Promise<AnalysisView | null> {
  const found = await findLink(token, { count: false });
  if (found.state !== "active" || !found.link.caseId) return null;
  return getAnalysis(analysisId, { caseId: found.link.caseId });
}

/** The analysis, when a live share link of a case opens it (one of the case's analyses), for its calls and registrations. */
export async function sharedCaseAnalysisId(token: string, analysisId: string): Promise<string | null> {
  const found = await findLink(token, { count: false });
  if (found.state !== "active" || !found.link.caseId) return null;
  const analysis = await getServices().db.prisma.analysis.findFirst({ where: { id: analysisId, caseId: found.link.caseId }, select: { id: true } });
  return analysis?.id ?? null;
}

/** What a live (not revoked, not expired) share link opens, for the views a shared page loads (calls of an analysis or of a case). */
export async function sharedTarget(token: string): Promise<ShareTarget | null> {
  const found = await findLink(token, { count: false });
  if (found.state !== "active") return null;
  if (found.link.analysisId) return { analysisId: found.link.analysisId };
  return found.link.caseId ? { caseId: found.link.caseId } : null;
}

/** The analysis id a live (not revoked, not expired) share link of an analysis opens, for the views a shared page loads. */
export async function sharedAnalysisId(token: string): Promise<string | null> {
  const found = await findLink(token, { count: false });
  return found.state === "active" ? found.link.analysisId : null;
}
