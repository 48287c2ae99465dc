// A case's analyses -> the case view: status over all of them, merged findings (plus the case's own
// version check per deployment), and MRA requests joined across boxes. Pure, so it is tested without a
// database; get-case.ts feeds it.
import { type AnalysisStatus, type AnalysisView, type Outcome } from "@/lib/results/types";
import type { CaseAnalysis, CaseFinding, CaseView } from "@/lib/cases/case-view";
import { caseUrl } from "@/lib/cases/case-url";
import { checkPeerVersions } from "@/lib/cases/check-peer-versions";
import { collectedAt } from "@/lib/cases/compare-analyses";
import { correlateMraRequests } from "@/lib/cases/correlate-mra-requests";
import { groupDeployments } from "@/lib/cases/group-deployments";
import { type JoinedCall, caseCallsView } from "@/lib/cases/join-case-calls";
import { countOutcomes, mergeFindings } from "@/lib/cases/merge-findings";

export type CaseRecord = { id: string; title: string; createdAt: Date };

const RANK: Record<Outcome, number> = { issue: 0, potential: 1, missing: 2, ok: 3, not_applicable: 4 };

export function caseStatus(statuses: AnalysisStatus[]): AnalysisStatus {
  if (statuses.length === 0) return "queued";
  if (statuses.every((s) => s === "done" || s === "failed")) return "done";
  return statuses.some((s) => s !== "queued") ? "running" : "queued";
}

export function caseTitle(title: string, analyses: { host: string | null; fileName: string }[]): string {
  if (title.trim()) return title;
  const hosts = [...new Set(analyses.map((a) => a.host).filter((h): h is string => h !== null))];
  if (hosts.length) return hosts.join(", ");
  return analyses.length ? `${analyses.length} bundle${analyses.length === 1 ? "" : "s"}` : "Empty case";
}

function toCaseAnalysis(v: AnalysisView): CaseAnalysis {
  return {
    id: v.id,
    url: v.url,
    fileName: v.bundle.fileName,
    host: v.bundle.host,
    product: v.bundle.product,
    version: v.bundle.version,
    status: v.status,
    ...(v.error ? { error: v.error } : {}),
    counts: v.counts,
    collectedAt: collectedAt(v),
    peerFolder: v.peerFolder ?? null,
  };
}

/** `calls`: the case's joined calls (load-case-calls.ts) and how many stored calls they were made of. */
export function buildCaseView(record: CaseRecord, views: AnalysisView[], calls: { calls: JoinedCall[]; parts: number } = { calls: [], parts: 0 }): CaseView {
  const ordered = [...views].sort(
    (a, b) => (a.bundle.host ?? "").localeCompare(b.bundle.host ?? "") || (Date.parse(collectedAt(a) ?? a.createdAt) || 0) - (Date.parse(collectedAt(b) ?? b.createdAt) || 0),
  );
  const done = ordered.filter((v) => v.status === "done");
  const correlation = correlateMraRequests(
    done.map((v) => ({ analysisId: v.id, host: v.bundle.host, total: v.details.mraRequests?.total ?? 0, rows: v.details.mraRequests?.rows ?? [] })),
  );
  const findings: CaseFinding[] = mergeFindings(
    done.map((v) => ({ analysisId: v.id, host: v.bundle.host, results: v.results })),
    correlation.explanations,
  );
  const groups = groupDeployments(
    done.map((v) => ({ analysisId: v.id, host: v.bundle.host, domains: [...new Set((v.details.mraRequests?.rows ?? []).map((r) => r.domain).filter((d): d is string => d !== null))] })),
  );
  const versionFindings = groups
    .map((ids) => checkPeerVersions(ids.map((id) => done.find((v) => v.id === id) as AnalysisView).map((v) => ({ analysisId: v.id, host: v.bundle.host, version: v.bundle.version }))))
    .filter((f): f is CaseFinding => f !== null);
  if (versionFindings.length) findings.unshift(combine(versionFindings));
  const { explanations: _explanations, ...mraRequests } = correlation;
  return {
    id: record.id,
    title: caseTitle(record.title, ordered.map((v) => v.bundle)),
    status: caseStatus(ordered.map((v) => v.status)),
    createdAt: record.createdAt.toISOString(),
    url: caseUrl(record.id),
    analyses: ordered.map(toCaseAnalysis),
    deployments: groups.map((ids) => ({
      analysisIds: ids,
      hosts: [...new Set(ids.map((id) => done.find((v) => v.id === id)?.bundle.host).filter((h): h is string => Boolean(h)))],
    })),
    findings,
    counts: countOutcomes(findings),
    mraRequests,
    calls: caseCallsView(calls.calls, calls.parts, done.map((v) => v.details.sip?.reading).filter((r) => r !== undefined)),
  };
}

/** The version check of several deployments as one card: the worst verdict, every deployment said. */
function combine(findings: CaseFinding[]): CaseFinding {
  if (findings.length === 1) return findings[0];
  const worst = findings.reduce((w, f) => (RANK[f.outcome] < RANK[w.outcome] ? f : w));
  return {
    ...worst,
    description: findings.map((f, i) => `Deployment ${i + 1}: ${f.description}`).join("\n"),
    affected: findings.flatMap((f) => f.affected),
    seenOn: findings.flatMap((f) => f.seenOn),
  };
}

