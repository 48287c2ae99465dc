// What the bundle allowed the analysis to check, subject by subject, so that "No issue" is never
// read as "all fine" when nothing was looked at (no SIP traffic, no status dump, no certificates).
import type { CoverageDetail, CoverageItem } from "@/lib/results/coverage";

const STATE_STYLE: Record<CoverageItem["state"], { dot: string; label: string }> = {
  checked: { dot: "bg-emerald-500", label: "Checked" },
  partial: { dot: "bg-amber-400", label: "Partly" },
  not_checked: { dot: "bg-slate-300", label: "Not checked" },
};

export function CoveragePanel({ coverage }: { coverage: CoverageDetail }) {
  const notChecked = coverage.items.filter((i) => i.state !== "checked");
  return (
    <section className="card overflow-hidden" aria-labelledby="coverage-title" data-testid="coverage">
      <div className="flex flex-wrap items-baseline justify-between gap-x-4 gap-y-1 border-b border-slate-100 px-5 py-4 sm:px-6">
        <h2 id="coverage-title" className="text-base font-semibold text-slate-900">
          What this bundle allowed us to check
        </h2>
        <p className="text-xs text-slate-500">
          {coverage.items.length - notChecked.length} of {coverage.items.length} subjects fully checked
          {coverage.missingSignatures > 0 ? ` · ${coverage.missingSignatures} checks could not run (Missing information)` : ""}
        </p>
      </div>
      <ul className="divide-y divide-slate-100">
        {coverage.items.map((i) => (
          <li key={i.key} className="grid gap-x-4 gap-y-1 px-5 py-3 sm:grid-cols-[14rem_minmax(0,1fr)] sm:px-6" data-testid="coverage-item" data-state={i.state} data-key={i.key}>
            <div className="flex items-center gap-2 text-sm font-medium text-slate-800">
              <span className={`h-2 w-2 shrink-0 rounded-full ${STATE_STYLE[i.state].dot}`} aria-hidden="true" />
              <span>{i.subject}</span>
              <span className="sr-only">: {STATE_STYLE[i.state].label}</span>
            </div>
            <p className="min-w-0 text-sm text-slate-600 [overflow-wrap:anywhere]">
              <span className="mr-1.5 text-xs font-semibold tracking-wide text-slate-400 uppercase">{STATE_STYLE[i.state].label}</span>
              {i.text}
            </p>
          </li>
        ))}
      </ul>
    </section>
  );
}
