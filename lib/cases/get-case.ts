// One case with its analyses, merged findings, joined MRA requests and joined calls, as GET /api/cases/:id and the
// case page show it. Callers pass the access scope (lib/access/case-access.ts): there is no unscoped read.
import type { Prisma } from "@/lib/generated/prisma/client";
import { toView } from "@/lib/analyses/serialize";
import { buildCaseView } from "@/lib/cases/build-case-view";
import type { CaseView } from "@/lib/cases/case-view";
import { isCaseId } from "@/lib/cases/case-url";
import { loadCaseCalls, sortCaseAnalyses } from "@/lib/cases/load-case-calls";
import { getServices } from "@/lib/platform/services";

export async function getCase(id: string, scope: Prisma.CaseWhereInput): Promise<CaseView | null> {
  if (!isCaseId(id)) return null;
  const row = await getServices().db.prisma.case.findFirst({
    where: { AND: [{ id }, scope] },
    include: { analyses: { include: { results: { orderBy: { position: "asc" } } }, orderBy: { createdAt: "asc" } } },
  });
  if (!row) return null;
  const done = sortCaseAnalyses(row.analyses.filter((a) => a.status === "done").map((a) => ({ id: a.id, host: a.host })));
  return buildCaseView(row, row.analyses.map(toView), await loadCaseCalls(done));
}
