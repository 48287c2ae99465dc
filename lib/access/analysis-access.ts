// The one place that decides which analyses a viewer can reach. Anything addressed by an analysis id
// (the analysis, its results, evidence, certificates, bundle file, share links) must be looked up
// through findAnalysisForViewer first; null means 404, whether the analysis does not exist or
// belongs to someone else, so an id's existence never leaks.
import type { Prisma } from "@/lib/generated/prisma/client";
import type { AnalysisView } from "@/lib/results/types";
import type { Viewer } from "@/lib/auth/viewer";
import { getAnalysis, isAnalysisId } from "@/lib/analyses/get-analysis";
import { ApiError } from "@/lib/http/api-error";
import { getServices } from "@/lib/platform/services";

/** Prisma filter: the analyses this viewer may read. Analyses without a workspace (from before accounts) match no one. */
export function analysisScope(viewer: Viewer): Prisma.AnalysisWhereInput {
  return { workspaceId: { in: viewer.workspaces.map((w) => w.id) } };
}

/** The analysis row (no results) if the viewer may read it, else null. */
export async function findAnalysisForViewer(id: string, viewer: Viewer) {
  if (!isAnalysisId(id)) return null;
  return getServices().db.prisma.analysis.findFirst({ where: { id, ...analysisScope(viewer) } });
}

/** The public API view (GET /api/analyses/:id) if the viewer may read it, else null. */
export function getAnalysisForViewer(id: string, viewer: Viewer): Promise<AnalysisView | null> {
  return getAnalysis(id, analysisScope(viewer));
}

export const analysisNotFound = () => new ApiError(404, "not_found", "No analysis with that id.");
