// Before and after, side by side: what a fix (or a change) did, by signature. Resolved and appeared
// findings first, then those that changed, unchanged ones folded away.
import Link from "next/link";
import { OUTCOME_LABELS, type Outcome } from "@/lib/results/types";
import type { CompareEntry, CompareView as CompareShape } from "@/lib/cases/case-view";
import { formatLogTime } from "@/lib/ui/format";
import { DefectBadge, OUTCOME_STYLE } from "./badges";
import { ChevronRightIcon } from "./icons";

function OutcomePill({ outcome }: { outcome: Outcome | null }) {
  if (!outcome) return <span className="rounded-md bg-slate-50 px-1.5 py-0.5 text-xs text-slate-500 ring-1 ring-slate-200 ring-inset">not checked</span>;
  const s = OUTCOME_STYLE[outcome];
  return (
    <span className={`inline-flex items-center gap-1 rounded-md px-1.5 py-0.5 text-xs font-medium ${s.soft} ${s.text}`}>
      <s.Icon className="h-3 w-3" />
      {OUTCOME_LABELS[outcome]}
    </span>
  );
}

function Side({ label, a }: { label: string; a: CompareShape["before"] }) {
  return (
    <div className="min-w-0 flex-1 rounded-lg border border-slate-200 px-4 py-3" data-testid={`compare-${label.toLowerCase()}`}>
      <p className="eyebrow">{label}</p>
      <Link href={a.url} className="mt-1 block truncate font-medium text-slate-900 hover:text-brand-700">
        {a.host ?? a.fileName}
      </Link>
      <p className="truncate font-mono text-xs text-slate-500" title={a.fileName}>
        {a.fileName}
      </p>
      <p className="mt-1 text-xs text-slate-600 tabular-nums">
        Collected {a.collectedAt ? formatLogTime(a.collectedAt) : "at an unknown time"} · {a.version ?? "version unknown"}
      </p>
    </div>
  );
}

function Entry({ e }: { e: CompareEntry }) {
  return (
    <li className="px-5 py-3 sm:px-6" data-testid="compare-entry" data-signature-id={e.signatureId}>
      <div className="flex flex-wrap items-center gap-2">
        <OutcomePill outcome={e.before?.outcome ?? null} />
        <ChevronRightIcon className="h-3.5 w-3.5 text-slate-400" />
        <OutcomePill outcome={e.after?.outcome ?? null} />
        {e.defects.map((d) => (
          <DefectBadge key={d} id={d} />
        ))}
        <span className="ml-auto font-mono text-[11px] text-slate-400">{e.signatureId}</span>
      </div>
      <p className="mt-1.5 text-sm font-medium text-slate-900">{e.title}</p>
      {e.changes.length > 0 && (
        <ul className="mt-1 list-disc space-y-0.5 pl-5 text-xs text-slate-600 [overflow-wrap:anywhere]">
          {e.changes.map((c) => (
            <li key={c}>{c}</li>
          ))}
        </ul>
      )}
    </li>
  );
}

function Group({ title, entries, tone, testId }: { title: string; entries: CompareEntry[]; tone: string; testId: string }) {
  if (entries.length === 0) return null;
  return (
    <section className="card overflow-hidden" data-testid={testId} aria-label={title}>
      <h2 className={`border-b border-slate-100 px-5 py-3 text-sm font-semibold sm:px-6 ${tone}`}>
        {title} <span className="font-normal text-slate-500 tabular-nums">({entries.length})</span>
      </h2>
      <ul className="divide-y divide-slate-100">
        {entries.map((e) => (
          <Entry key={e.signatureId} e={e} />
        ))}
      </ul>
    </section>
  );
}

export function CompareView({ compare }: { compare: CompareShape }) {
  const { before, after } = compare;
  return (
    <div className="space-y-5" data-testid="compare-view">
      <nav aria-label="Breadcrumb" className="flex min-w-0 items-center gap-1.5 text-sm text-slate-500">
        <Link href="/analyses" className="hover:text-slate-800">
          History
        </Link>
        {after.host && (
          <>
            <ChevronRightIcon className="h-3.5 w-3.5 shrink-0 text-slate-300" />
            <Link href={`/hosts/${encodeURIComponent(after.host)}`} className="truncate hover:text-slate-800">
              {after.host}
            </Link>
          </>
        )}
        <ChevronRightIcon className="h-3.5 w-3.5 shrink-0 text-slate-300" />
        <span className="text-slate-700" aria-current="page">
          Compare
        </span>
      </nav>
      <section className="card p-5 sm:p-6">
        <h1 className="text-xl font-semibold tracking-tight text-slate-900">What changed</h1>
        <p className="mt-1 text-sm text-slate-600" data-testid="compare-summary">
          {compare.resolved.length} resolved · {compare.appeared.length} appeared · {compare.changed.length} changed · {compare.unchanged.length} unchanged
        </p>
        <div className="mt-4 flex flex-col gap-3 sm:flex-row sm:items-stretch">
          <Side label="Before" a={before} />
          <Side label="After" a={after} />
        </div>
        {before.host !== after.host && (
          <p className="mt-3 text-xs text-amber-800">These bundles come from different Expressways ({before.host ?? "unknown"} and {after.host ?? "unknown"}).</p>
        )}
      </section>
      <Group title="Resolved" entries={compare.resolved} tone="text-emerald-800" testId="compare-resolved" />
      <Group title="Appeared" entries={compare.appeared} tone="text-red-800" testId="compare-appeared" />
      <Group title="Changed" entries={compare.changed} tone="text-amber-800" testId="compare-changed" />
      {compare.unchanged.length > 0 && (
        <details className="card overflow-hidden" data-testid="compare-unchanged">
          <summary className="cursor-pointer px-5 py-3 text-sm font-semibold text-slate-700 sm:px-6">
            Unchanged <span className="font-normal text-slate-500 tabular-nums">({compare.unchanged.length})</span>
          </summary>
          <ul className="divide-y divide-slate-100 border-t border-slate-100">
            {compare.unchanged.map((e) => (
              <Entry key={e.signatureId} e={e} />
            ))}
          </ul>
        </details>
      )}
    </div>
  );
}
