// GET /api/analyses/:id/registrations: one page of an analysis's registrations per AOR, refused
// ones first, searched by `q` (AOR, contact, device, host). The caller has already checked access.
import type { Registration, RegistrationPage } from "@/lib/results/calls";
import { getServices } from "@/lib/platform/services";
import { MAX_PAGE_SIZE } from "@/lib/analyses/list-calls";

export type RegistrationQuery = { q?: string | null; page?: string | null; pageSize?: string | null };

/** A registrations query as the routes take it (`?q=&page=&pageSize=`). */
export function registrationQueryOf(params: URLSearchParams): RegistrationQuery {
  return { q: params.get("q"), page: params.get("page"), pageSize: params.get("pageSize") };
}

export async function listRegistrations(analysisId: string, query: RegistrationQuery): Promise<RegistrationPage> {
  const page = query.page && /^\d{1,9}$/.test(query.page) ? Math.max(1, Number(query.page)) : 1;
  const pageSize = query.pageSize && /^\d{1,9}$/.test(query.pageSize) ? Math.min(MAX_PAGE_SIZE, Math.max(1, Number(query.pageSize))) : 50;
  const q = (query.q ?? "").trim().toLowerCase().slice(0, 200);
  const where = { analysisId, ...(q ? { search: { contains: q } } : {}) };
  const { prisma } = getServices().db;
  const [total, rows] = await Promise.all([
    prisma.sipRegistration.count({ where }),
    prisma.sipRegistration.findMany({ where, orderBy: { position: "asc" }, skip: (page - 1) * pageSize, take: pageSize, select: { data: true } }),
  ]);
  return { total, page, pageSize, items: rows.map((r) => r.data as unknown as Registration) };
}
