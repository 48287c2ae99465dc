// Which cases a viewer can reach: those of the viewer's workspaces, like analyses. Anything addressed
// by a case id goes through findCaseForViewer first; null means 404 whether or not the case exists.
import type { Prisma } from "@/lib/generated/prisma/client";
import type { Viewer } from "@/lib/auth/viewer";
import { isCaseId } from "@/lib/cases/case-url";
import type { CaseView } from "@/lib/cases/case-view";
import { getCase } from "@/lib/cases/get-case";
import { ApiError } from "@/lib/http/api-error";
import { getServices } from "@/lib/platform/services";

export function caseScope(viewer: Viewer): Prisma.CaseWhereInput {
  return { workspaceId: { in: viewer.workspaces.map((w) => w.id) } };
}

/** The case row (no analyses) if the viewer may read it, else null. */
export async function findCaseForViewer(id: string, viewer: Viewer) {
  if (!isCaseId(id)) return null;
  return getServices().db.prisma.case.findFirst({ where: { id, ...caseScope(viewer) } });
}

export function getCaseForViewer(id: string, viewer: Viewer): Promise<CaseView | null> {
  return getCase(id, caseScope(viewer));
}

export const caseNotFound = () => new ApiError(404, "not_found", "No case with that id.");
