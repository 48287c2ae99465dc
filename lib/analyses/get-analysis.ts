// One analysis with its results, as GET /api/analyses/:id and the overview page show it.
import type { AnalysisView } from "@/lib/analysis/types";
import { getServices } from "@/lib/services";
import { toView } from "@/lib/analyses/serialize";

const ID_PATTERN = /^[A-Za-z0-9_-]{10,64}$/;

export async function getAnalysis(id: string): Promise<AnalysisView | null> {
  if (!ID_PATTERN.test(id)) return null;
  const row = await getServices().db.prisma.analysis.findUnique({
    where: { id },
    include: { results: { orderBy: { position: "asc" } } },
  });
  return row ? toView(row) : null;
}
