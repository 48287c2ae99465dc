// Before and after: two analyses compared by signature (outcome, affected nodes, counts). The bundle
// collected first (its first log line; the upload time when the log has none) is `before`.
import type { AnalysisSummary, AnalysisView, Outcome, SignatureResult } from "@/lib/results/types";
import type { CompareEntry, CompareSide, CompareView } from "@/lib/cases/case-view";

const isProblem = (o: Outcome) => o === "issue" || o === "potential";

export function collectedAt(view: Pick<AnalysisView, "bundle">): string | null {
  return view.bundle.timeRange?.start ?? null;
}

function when(view: AnalysisView): number {
  const t = Date.parse(collectedAt(view) ?? view.createdAt);
  return Number.isFinite(t) ? t : Date.parse(view.createdAt);
}

function summaryOf(view: AnalysisView): CompareView["before"] {
  const s: AnalysisSummary = {
    id: view.id,
    status: view.status,
    createdAt: view.createdAt,
    url: view.url,
    fileName: view.bundle.fileName,
    size: view.bundle.size,
    host: view.bundle.host,
    version: view.bundle.version,
    counts: view.counts,
    ...(view.error ? { error: view.error } : {}),
  };
  return { ...s, collectedAt: collectedAt(view) };
}

const label = (a: SignatureResult["affected"][number]) => {
  const node = a.host ?? a.ip ?? "unknown node";
  return `${node}${a.port !== null ? `:${a.port}` : ""} (${a.reason})`;
};

function side(r: SignatureResult): CompareSide {
  return { outcome: r.outcome, affected: r.affected.map(label).sort(), count: r.affected.reduce((n, a) => n + a.count, 0) };
}

function differences(b: CompareSide, a: CompareSide): string[] {
  const out: string[] = [];
  if (b.outcome !== a.outcome) out.push(`outcome ${b.outcome} → ${a.outcome}`);
  const gone = b.affected.filter((x) => !a.affected.includes(x));
  const added = a.affected.filter((x) => !b.affected.includes(x));
  if (gone.length) out.push(`no longer affected: ${gone.join(", ")}`);
  if (added.length) out.push(`newly affected: ${added.join(", ")}`);
  if (b.count !== a.count) out.push(`hits ${b.count} → ${a.count}`);
  return out;
}

export function compareAnalyses(one: AnalysisView, other: AnalysisView): CompareView {
  const [beforeView, afterView] = when(one) <= when(other) ? [one, other] : [other, one];
  const before = new Map(beforeView.results.map((r) => [r.signatureId, r]));
  const after = new Map(afterView.results.map((r) => [r.signatureId, r]));
  const ids = [...after.keys(), ...[...before.keys()].filter((id) => !after.has(id))];
  const out: CompareView = { before: summaryOf(beforeView), after: summaryOf(afterView), appeared: [], resolved: [], unchanged: [], changed: [] };
  for (const id of ids) {
    const b = before.get(id);
    const a = after.get(id);
    const ref = (a ?? b) as SignatureResult;
    const entry: CompareEntry = { signatureId: id, title: ref.title, defects: ref.defects, before: b ? side(b) : null, after: a ? side(a) : null, changes: [] };
    if (!b || !a) {
      // A signature only one catalog had: not evidence of a fix or of a new problem unless it found one.
      if (a && isProblem(a.outcome)) out.appeared.push({ ...entry, changes: [`${a.outcome} (not checked before)`] });
      else out.changed.push({ ...entry, changes: [a ? "not checked before" : "not checked after"] });
      continue;
    }
    const sb = entry.before as CompareSide;
    const sa = entry.after as CompareSide;
    entry.changes = differences(sb, sa);
    if (isProblem(sb.outcome) && (sa.outcome === "ok" || sa.outcome === "not_applicable")) out.resolved.push(entry);
    else if (!isProblem(sb.outcome) && isProblem(sa.outcome)) out.appeared.push(entry);
    else if (entry.changes.length) out.changed.push(entry);
    else out.unchanged.push(entry);
  }
  return out;
}
