// Deleting a case removes its analyses the way deleting each would (stored bundle, results, share
// links), then the case and its own share links.
import { deleteAnalysis } from "@/lib/analyses/delete-analysis";
import { getServices } from "@/lib/platform/services";

export async function deleteCase(id: string): Promise<void> {
  const { prisma } = getServices().db;
  const analyses = await prisma.analysis.findMany({ where: { caseId: id }, select: { id: true } });
  for (const a of analyses) await deleteAnalysis(a.id);
  await prisma.case.deleteMany({ where: { id } });
}
