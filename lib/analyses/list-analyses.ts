// The history of one workspace: newest first, a page at a time, with search (host, file name, defect
// ID, signature) and filters (outcome, product version, upload date range, exact host).
import { z } from "zod";
import type { Prisma } from "@/lib/generated/prisma/client";
import { OUTCOMES, STATUSES, type AnalysisPage, type Outcome } from "@/lib/results/types";
import { getServices } from "@/lib/platform/services";
import { toSummary } from "@/lib/analyses/serialize";

export const MAX_PAGE_SIZE = 100;

const day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, "expected YYYY-MM-DD");

/** The query of GET /api/analyses and of the /analyses page; blank values count as absent. */
export const listQuerySchema = z.object({
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(MAX_PAGE_SIZE).default(20),
  q: z.string().trim().max(200).optional(),
  host: z.string().trim().max(255).optional(),
  outcome: z.enum(OUTCOMES).optional(),
  status: z.enum(STATUSES).optional(),
  version: z.string().trim().max(100).optional(),
  from: day.optional(),
  to: day.optional(),
});
export type ListQuery = z.infer<typeof listQuerySchema>;

export function parseListQuery(params: URLSearchParams | Record<string, string | string[] | undefined>) {
  const entries = params instanceof URLSearchParams ? [...params.entries()] : Object.entries(params).map(([k, v]) => [k, Array.isArray(v) ? v[0] : v]);
  return listQuerySchema.safeParse(Object.fromEntries(entries.filter(([, v]) => typeof v === "string" && v.trim() !== "")));
}

const COUNT_COLUMN: Record<Outcome, keyof Prisma.AnalysisWhereInput> = {
  issue: "issueCount",
  potential: "potentialCount",
  missing: "missingCount",
  not_applicable: "naCount",
  ok: "okCount",
};

export function listWhere(workspaceId: string, query: Partial<ListQuery>): Prisma.AnalysisWhereInput {
  const and: Prisma.AnalysisWhereInput[] = [{ workspaceId }];
  if (query.q) {
    const q = query.q;
    and.push({
      OR: [
        { host: { contains: q, mode: "insensitive" } },
        { fileName: { contains: q, mode: "insensitive" } },
        // Defect IDs are matched whole (CSCwc69661); signatures by id or title, matching ones only.
        { results: { some: { outcome: { in: ["issue", "potential"] }, OR: [
          { defects: { hasSome: [q, q.replace(/^csc/i, "CSC")] } },
          { signatureId: { contains: q, mode: "insensitive" } },
          { title: { contains: q, mode: "insensitive" } },
        ] } } },
      ],
    });
  }
  if (query.host) and.push({ host: { equals: query.host, mode: "insensitive" } });
  if (query.outcome) and.push({ status: "done", [COUNT_COLUMN[query.outcome]]: { gt: 0 } });
  if (query.status) and.push({ status: query.status });
  if (query.version) and.push({ version: query.version });
  if (query.from) and.push({ createdAt: { gte: new Date(`${query.from}T00:00:00Z`) } });
  if (query.to) and.push({ createdAt: { lt: new Date(new Date(`${query.to}T00:00:00Z`).getTime() + 24 * 3600 * 1000) } });
  return { AND: and };
}

export async function listAnalyses(workspaceId: string, query: Partial<ListQuery> & { page: number; pageSize: number }): Promise<AnalysisPage> {
  const page = Math.max(1, Math.floor(query.page) || 1);
  const pageSize = Math.min(MAX_PAGE_SIZE, Math.max(1, Math.floor(query.pageSize) || 20));
  const { prisma } = getServices().db;
  const where = listWhere(workspaceId, query);
  const [rows, total] = await Promise.all([
    prisma.analysis.findMany({ where, orderBy: [{ createdAt: "desc" }, { id: "desc" }], skip: (page - 1) * pageSize, take: pageSize }),
    prisma.analysis.count({ where }),
  ]);
  return { items: rows.map(toSummary), page, pageSize, total };
}

/** The product versions seen in a workspace, for the version filter. */
export async function listVersions(workspaceId: string): Promise<string[]> {
  const rows = await getServices().db.prisma.analysis.findMany({
    where: { workspaceId, version: { not: null } },
    distinct: ["version"],
    select: { version: true },
    orderBy: { version: "desc" },
    take: 100,
  });
  return rows.map((r) => r.version!).filter(Boolean);
}
