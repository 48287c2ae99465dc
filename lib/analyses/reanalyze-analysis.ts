// Re-runs a stored bundle with today's catalog: remembers the current outcomes and catalog version
// (for "what changed"), queues the analysis again and enqueues a job that runs even though the
// analysis was finished before. Results are replaced in one transaction when the job is done.
import type { Prisma } from "@/lib/generated/prisma/client";
import type { PreviousOutcome } from "@/lib/results/types";
import { isAnalysisId } from "@/lib/analyses/get-analysis";
import { analysisUrl } from "@/lib/analyses/serialize";
import { ApiError } from "@/lib/http/api-error";
import { enqueueAnalysis } from "@/lib/platform/queue";
import { getServices } from "@/lib/platform/services";

export async function reanalyzeAnalysis(id: string): Promise<{ id: string; status: "queued"; url: string }> {
  if (!isAnalysisId(id)) throw new ApiError(404, "not_found", "No analysis with that id.");
  const { db, boss, storage } = getServices();
  const { prisma } = db;
  const analysis = await prisma.analysis.findUnique({ where: { id }, include: { results: { orderBy: { position: "asc" } } } });
  if (!analysis) throw new ApiError(404, "not_found", "No analysis with that id.");
  if (analysis.status === "queued" || analysis.status === "running") {
    throw new ApiError(409, "analysis_busy", "This analysis is still queued or running; re-analyse it when it has finished.");
  }
  if (!(await storage.size(analysis.storageKey).then(() => true, () => false))) {
    throw new ApiError(410, "bundle_gone", "The uploaded bundle is no longer stored, so it cannot be analysed again. Upload it again.");
  }
  const previous: PreviousOutcome[] = analysis.results.map((r) => ({
    signatureId: r.signatureId,
    signatureVersion: r.signatureVersion,
    outcome: r.outcome,
    title: r.title,
  }));
  // Only a finished analysis is taken back to queued: two clicks cannot queue it twice.
  const { count } = await prisma.analysis.updateMany({
    where: { id, status: { in: ["done", "failed"] } },
    data: {
      status: "queued",
      previousOutcomes: previous as unknown as Prisma.InputJsonValue,
      previousCatalogVersion: analysis.catalogVersion,
      errorCode: null,
      errorMessage: null,
      startedAt: null,
      finishedAt: null,
    },
  });
  if (count === 0) throw new ApiError(409, "analysis_busy", "This analysis is already being re-analysed.");
  try {
    await enqueueAnalysis(boss, id, { reanalyze: true });
  } catch (err) {
    await prisma.analysis.update({ where: { id }, data: { status: analysis.status, errorCode: analysis.errorCode, errorMessage: analysis.errorMessage, finishedAt: analysis.finishedAt } });
    throw err;
  }
  return { id, status: "queued", url: analysisUrl(id) };
}
