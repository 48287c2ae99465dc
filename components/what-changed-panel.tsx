// After a re-analysis: the catalog version before and after, each signature whose outcome changed,
// and signatures that did not exist in the earlier catalog.
import { OUTCOME_LABELS, type AnalysisView, type Outcome } from "@/lib/results/types";
import { OUTCOME_STYLE } from "./badges";
import { resultAnchor } from "@/lib/ui/result-anchor";

function OutcomePill({ o }: { o: Outcome | null }) {
  if (o === null) return <span className="text-xs text-slate-400">not run</span>;
  const s = OUTCOME_STYLE[o];
  return (
    <span className={`inline-flex items-center gap-1.5 rounded-md px-1.5 py-0.5 text-xs font-medium whitespace-nowrap ${s.soft} ${s.text}`}>
      <span className={`h-1.5 w-1.5 rounded-full ${s.dot}`} aria-hidden="true" />
      {OUTCOME_LABELS[o]}
    </span>
  );
}

export function WhatChangedPanel({ view }: { view: AnalysisView }) {
  const prev = view.previous;
  if (!prev) return null;
  const before = new Map(prev.outcomes.map((o) => [o.signatureId, o]));
  const rows = view.results
    .map((r) => ({ r, was: before.get(r.signatureId) ?? null }))
    .filter(({ r, was }) => was === null || was.outcome !== r.outcome || was.signatureVersion !== r.signatureVersion);
  const removed = prev.outcomes.filter((o) => !view.results.some((r) => r.signatureId === o.signatureId));
  const added = rows.filter((x) => x.was === null).length;
  return (
    <section className="card overflow-hidden" aria-labelledby="what-changed-title" data-testid="what-changed">
      <div className="flex flex-wrap items-baseline justify-between gap-x-4 gap-y-1 border-b border-slate-100 px-5 py-4 sm:px-6">
        <h2 id="what-changed-title" className="text-base font-semibold text-slate-900">
          What changed
        </h2>
        <p className="text-xs text-slate-500">
          Catalog <span className="font-mono text-slate-700">{prev.catalogVersion ?? "unknown"}</span> →{" "}
          <span className="font-mono font-semibold text-slate-800">{view.catalogVersion ?? "?"}</span>
          {added > 0 && ` · ${added} new signature${added === 1 ? "" : "s"}`}
        </p>
      </div>
      {rows.length === 0 && removed.length === 0 ? (
        <p className="px-5 py-4 text-sm text-slate-600 sm:px-6">No outcome changed with the new catalog.</p>
      ) : (
        <ul className="divide-y divide-slate-100">
          {rows.map(({ r, was }) => (
            <li key={r.signatureId} className="flex flex-col gap-1.5 px-5 py-2.5 sm:flex-row sm:items-center sm:gap-4 sm:px-6" data-testid="change-row" data-signature-id={r.signatureId}>
              <a href={`#${resultAnchor(r.signatureId)}`} className="min-w-0 flex-1 text-sm text-slate-800 hover:text-brand-700">
                {r.title}
                {was === null && <span className="ml-2 rounded bg-brand-50 px-1.5 py-0.5 text-[11px] font-semibold text-brand-700 ring-1 ring-brand-200 ring-inset">new</span>}
              </a>
              <span className="flex shrink-0 items-center gap-2">
                <OutcomePill o={was?.outcome ?? null} />
                <span aria-label="became" className="text-slate-400">→</span>
                <OutcomePill o={r.outcome} />
              </span>
            </li>
          ))}
          {removed.map((o) => (
            <li key={o.signatureId} className="flex flex-col gap-1.5 px-5 py-2.5 text-sm text-slate-500 sm:flex-row sm:items-center sm:gap-4 sm:px-6">
              <span className="min-w-0 flex-1 line-through">{o.title ?? o.signatureId}</span>
              <span className="text-xs">removed from the catalog</span>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
