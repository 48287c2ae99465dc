// One analysis with its results, as GET /api/analyses/:id and the overview page show it. Callers pass
// the access scope (lib/access/analysis-access.ts): there is no unscoped read.
import type { Prisma } from "@/lib/generated/prisma/client";
import type { AnalysisView } from "@/lib/results/types";
import { getServices } from "@/lib/platform/services";
import { toView } from "@/lib/analyses/serialize";

const ID_PATTERN = /^[A-Za-z0-9_-]{10,64}$/;

export const isAnalysisId = (id: string) => ID_PATTERN.test(id);

export async function getAnalysis(id: string, scope: Prisma.AnalysisWhereInput): Promise<AnalysisView | null> {
  if (!isAnalysisId(id)) return null;
  const row = await getServices().db.prisma.analysis.findFirst({
    where: { AND: [{ id }, scope] },
    include: { results: { orderBy: { position: "asc" } } },
  });
  return row ? toView(row) : null;
}
