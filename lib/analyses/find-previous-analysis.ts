// The analysis of the same Expressway collected just before this one (by the bundles' first log
// lines; upload time when a log has none), within the scope the caller may read. What "compare with
// previous" in the history opens.
import type { Prisma } from "@/lib/generated/prisma/client";
import { isAnalysisId } from "@/lib/analyses/get-analysis";
import { getServices } from "@/lib/platform/services";

const LOOK_BACK = 200;

export async function findPreviousAnalysis(id: string, scope: Prisma.AnalysisWhereInput): Promise<{ id: string; host: string | null } | { id: null; host: string | null } | null> {
  if (!isAnalysisId(id)) return null;
  const { prisma } = getServices().db;
  const self = await prisma.analysis.findFirst({ where: { AND: [{ id }, scope] }, select: { id: true, host: true, logStart: true, createdAt: true } });
  if (!self) return null;
  if (!self.host) return { id: null, host: null };
  const at = (r: { logStart: string | null; createdAt: Date }) => (r.logStart ? Date.parse(r.logStart) : Number.NaN) || r.createdAt.getTime();
  const mine = at(self);
  const others = await prisma.analysis.findMany({
    where: { AND: [scope, { host: self.host, status: "done", id: { not: self.id } }] },
    select: { id: true, logStart: true, createdAt: true },
    orderBy: { createdAt: "desc" },
    take: LOOK_BACK,
  });
  const earlier = others.filter((o) => at(o) < mine || (at(o) === mine && o.createdAt < self.createdAt)).sort((a, b) => at(b) - at(a));
  return { id: earlier[0]?.id ?? null, host: self.host };
}
