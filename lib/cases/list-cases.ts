// The cases of one workspace, newest first, with their hosts and how far their analyses are.
import { caseStatus, caseTitle } from "@/lib/cases/build-case-view";
import type { CaseSummary } from "@/lib/cases/case-view";
import { caseUrl } from "@/lib/cases/case-url";
import { getServices } from "@/lib/platform/services";

export async function listCases(workspaceId: string, opts: { take?: number } = {}): Promise<{ items: CaseSummary[] }> {
  const rows = await getServices().db.prisma.case.findMany({
    where: { workspaceId },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: Math.min(Math.max(opts.take ?? 100, 1), 200),
    include: { analyses: { select: { host: true, fileName: true, status: true } } },
  });
  return {
    items: rows.map((r) => ({
      id: r.id,
      title: caseTitle(r.title, r.analyses),
      status: caseStatus(r.analyses.map((a) => a.status)),
      createdAt: r.createdAt.toISOString(),
      url: caseUrl(r.id),
      hosts: [...new Set(r.analyses.map((a) => a.host).filter((h): h is string => h !== null))],
      analysisCount: r.analyses.length,
    })),
  };
}
