// A new, empty case in a workspace; bundles are added to it with add-to-case.ts.
import { getServices } from "@/lib/platform/services";
import { caseUrl, newCaseId } from "@/lib/cases/case-url";

export async function createCase(input: { workspaceId: string; userId: string; title?: string }): Promise<{ id: string; url: string }> {
  const id = newCaseId();
  await getServices().db.prisma.case.create({
    data: { id, title: (input.title ?? "").trim().slice(0, 200), workspaceId: input.workspaceId, createdById: input.userId },
  });
  return { id, url: caseUrl(id) };
}
