// The history of one workspace: newest first, a page at a time, with search (host, file name, defect
// ID, signature, and the hosts, IPs and users a finding names as affected) and filters (outcome,
// product version, upload date range, exact host). A row found through one of its findings says which.
import { z } from "zod";
import { Prisma } from "@/lib/generated/prisma/client";
import { OUTCOMES, STATUSES, type AnalysisPage, type Outcome, type SearchMatch } from "@/lib/results/types";
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

/** `affectedIds`: analyses whose issue or potential findings name the search as an affected host, IP or user. */
export function listWhere(workspaceId: string, query: Partial<ListQuery>, affectedIds: string[] = []): Prisma.AnalysisWhereInput {
  const and: Prisma.AnalysisWhereInput[] = [{ workspaceId }];
  if (query.q) {
    const q = query.q;
    and.push({
      OR: [
        ...(affectedIds.length ? [{ id: { in: affectedIds } }] : []),
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

const likePattern = (q: string) => `%${q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

// Bounded: a search that names thousands of analyses is refined by the filters, not paged through.
const MAX_AFFECTED_MATCHES = 5000;

/** Analyses of the workspace whose issue or potential findings list `q` in an affected host, IP or reason. */
async function analysesNamingAffected(workspaceId: string, q: string): Promise<string[]> {
  const pattern = likePattern(q);
  const rows = await getServices().db.prisma.$queryRaw<{ analysisId: string }[]>(Prisma.sql`
    SELECT DISTINCT r."analysisId" FROM "Result" r JOIN "Analysis" a ON a."id" = r."analysisId"
    WHERE a."workspaceId" = ${workspaceId} AND r."outcome" IN ('issue', 'potential')
      AND EXISTS (
        SELECT 1 FROM jsonb_array_elements(CASE WHEN jsonb_typeof(r."affected") = 'array' THEN r."affected" ELSE '[]'::jsonb END) e
        WHERE (e->>'host') ILIKE ${pattern} OR (e->>'ip') ILIKE ${pattern} OR (e->>'reason') ILIKE ${pattern}
      )
    LIMIT ${MAX_AFFECTED_MATCHES}`);
  return rows.map((r) => r.analysisId);
}

type FindingRow = { analysisId: string; signatureId: string; title: string; outcome: Outcome; defects: string[]; affected: unknown };

/** The first issue/potential finding that `q` matched, in the order the card list shows them. */
export function matchFinding(q: string, findings: FindingRow[]): SearchMatch | null {
  const needle = q.toLowerCase();
  const has = (v: unknown): v is string => typeof v === "string" && v.toLowerCase().includes(needle);
  const base = (f: FindingRow) => ({ signatureId: f.signatureId, title: f.title, outcome: f.outcome, defects: f.defects });
  for (const f of findings) {
    const defect = f.defects.find((d) => d.toLowerCase() === needle);
    if (defect) return { ...base(f), field: "defect", text: defect };
  }
  for (const f of findings) {
    for (const a of Array.isArray(f.affected) ? (f.affected as Record<string, unknown>[]) : []) {
      if (has(a?.host)) return { ...base(f), field: "host", text: a.host };
      if (has(a?.ip)) return { ...base(f), field: "ip", text: a.ip };
      if (has(a?.reason)) return { ...base(f), field: /\buser\b/i.test(a.reason) ? "user" : "reason", text: a.reason };
    }
  }
  for (const f of findings) {
    if (has(f.signatureId) || has(f.title)) return { ...base(f), field: "signature", text: f.title };
  }
  return null;
}

export async function listAnalyses(workspaceId: string, query: Partial<ListQuery> & { page: number; pageSize: number }): Promise<AnalysisPage> {
  const page = Math.max(1, Math.floor(query.page) || 1);
  const pageSize = Math.min(MAX_PAGE_SIZE, Math.max(1, Math.floor(query.pageSize) || 20));
  const { prisma } = getServices().db;
  const where = listWhere(workspaceId, query, query.q ? await analysesNamingAffected(workspaceId, query.q) : []);
  const [rows, total] = await Promise.all([
    prisma.analysis.findMany({ where, orderBy: [{ createdAt: "desc" }, { id: "desc" }], skip: (page - 1) * pageSize, take: pageSize }),
    prisma.analysis.count({ where }),
  ]);
  const items = rows.map(toSummary);
  if (query.q && items.length > 0) {
    const findings = await prisma.result.findMany({
      where: { analysisId: { in: items.map((i) => i.id) }, outcome: { in: ["issue", "potential"] } },
      select: { analysisId: true, signatureId: true, title: true, outcome: true, defects: true, affected: true },
      orderBy: [{ analysisId: "asc" }, { position: "asc" }],
    });
    for (const item of items) {
      // Issues before potential problems, as the overview shows them.
      const own = findings.filter((f) => f.analysisId === item.id).sort((a, b) => (a.outcome === b.outcome ? 0 : a.outcome === "issue" ? -1 : 1));
      const match = matchFinding(query.q, own);
      if (match) item.match = match;
    }
  }
  return { items, page, pageSize, total };
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
