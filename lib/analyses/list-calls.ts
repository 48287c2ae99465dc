// GET /api/analyses/:id/calls: one page of an analysis's calls, failed first then by start, searched
// by `q` (alias, Call-ID, host, address, device) and filtered by state and final code. The caller has
// already checked access to the analysis.
import { CALL_STATES, type CallPage, type CallState, type CallSummary } from "@/lib/results/calls";
import { getServices } from "@/lib/platform/services";

export type CallQuery = { q?: string | null; state?: string | null; code?: string | null; page?: string | null; pageSize?: string | null };

/** A calls query as the routes take it (`?q=&state=&code=&page=&pageSize=`), for an analysis or a case. */
export function callQueryOf(params: URLSearchParams): CallQuery {
  return { q: params.get("q"), state: params.get("state"), code: params.get("code"), page: params.get("page"), pageSize: params.get("pageSize") };
}

export const MAX_PAGE_SIZE = 200;

export async function listCalls(analysisId: string, query: CallQuery): Promise<CallPage> {
  const page = clampInt(query.page, 1, 1, 1_000_000);
  const pageSize = clampInt(query.pageSize, 50, 1, MAX_PAGE_SIZE);
  const q = (query.q ?? "").trim().toLowerCase().slice(0, 200);
  const state = CALL_STATES.includes(query.state as CallState) ? (query.state as CallState) : null;
  const code = query.code && /^\d{3}$/.test(query.code) ? Number(query.code) : null;
  const where = {
    analysisId,
    ...(state ? { state } : {}),
    ...(code !== null ? { code } : {}),
    ...(q ? { search: { contains: q } } : {}),
  };
  const { prisma } = getServices().db;
  const [total, rows] = await Promise.all([
    prisma.sipCall.count({ where }),
    prisma.sipCall.findMany({ where, orderBy: { position: "asc" }, skip: (page - 1) * pageSize, take: pageSize, select: { summary: true } }),
  ]);
  return { total, page, pageSize, items: rows.map((r) => r.summary as unknown as CallSummary) };
}

function clampInt(v: string | null | undefined, fallback: number, min: number, max: number): number {
  const n = v && /^\d{1,9}$/.test(v) ? Number(v) : fallback;
  return Math.min(max, Math.max(min, n));
}
