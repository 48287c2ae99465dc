// The history: analyses newest first, a page at a time.
import type { AnalysisPage } from "@/lib/analysis/types";
import { getServices } from "@/lib/services";
import { toSummary } from "@/lib/analyses/serialize";

export const MAX_PAGE_SIZE = 100;

export async function listAnalyses(opts: { page: number; pageSize: number }): Promise<AnalysisPage> {
  const page = Math.max(1, Math.floor(opts.page) || 1);
  const pageSize = Math.min(MAX_PAGE_SIZE, Math.max(1, Math.floor(opts.pageSize) || 20));
  const { prisma } = getServices().db;
  const [rows, total] = await Promise.all([
    prisma.analysis.findMany({ orderBy: [{ createdAt: "desc" }, { id: "desc" }], skip: (page - 1) * pageSize, take: pageSize }),
    prisma.analysis.count(),
  ]);
  return { items: rows.map(toSummary), page, pageSize, total };
}
