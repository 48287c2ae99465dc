// Stores one more bundle in a case, through the same single-file upload path as any analysis (same
// checks, same job). The same bytes twice in one case are analysed once: the answer is then the
// analysis already there. A full case refuses before reading the body.
import type { Readable } from "node:stream";
import { createAnalysis } from "@/lib/analyses/create-analysis";
import { analysisUrl } from "@/lib/analyses/serialize";
import { ApiError } from "@/lib/http/api-error";
import { getServices } from "@/lib/platform/services";

export type AddedToCase = { id: string; status: string; url: string; duplicate?: true };

export async function addToCase(input: { caseId: string; fileName: string; body: Readable; owner: { workspaceId: string; userId: string } }): Promise<AddedToCase> {
  const { db, config } = getServices();
  const held = await db.prisma.analysis.count({ where: { caseId: input.caseId } });
  if (held >= config.MAX_CASE_BUNDLES) {
    input.body.resume();
    throw new ApiError(413, "too_many_bundles", `A case holds at most ${config.MAX_CASE_BUNDLES} bundles (MAX_CASE_BUNDLES); this one is full.`);
  }
  return createAnalysis({
    fileName: input.fileName,
    body: input.body,
    owner: input.owner,
    inCase: {
      caseId: input.caseId,
      onStored: async (contentHash) => {
        const same = await db.prisma.analysis.findFirst({ where: { caseId: input.caseId, contentHash }, select: { id: true, status: true } });
        return same ? { id: same.id, status: same.status, url: analysisUrl(same.id) } : null;
      },
    },
  });
}
