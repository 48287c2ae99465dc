// Search and filters above the history: a plain GET form, so every result page has a URL to bookmark
// and share with teammates.
import Link from "next/link";
import { OUTCOMES, OUTCOME_LABELS } from "@/lib/results/types";
import type { ListQuery } from "@/lib/analyses/list-analyses";

const field =
  "block w-full rounded-lg border border-slate-300 bg-white px-3 py-2 text-sm text-slate-900 shadow-sm placeholder:text-slate-400 focus:border-brand-500 focus:ring-2 focus:ring-brand-500/20 focus:outline-none";
const label = "block text-xs font-medium text-slate-600";

export function HistoryFilters({ query, versions }: { query: Partial<ListQuery>; versions: string[] }) {
  const active = Boolean(query.q || query.outcome || query.version || query.from || query.to);
  return (
    <form method="get" action="/analyses" role="search" className="card p-4 sm:p-5" data-testid="history-filters">
      <div className="grid grid-cols-1 gap-3 sm:grid-cols-2 lg:grid-cols-[minmax(0,2fr)_repeat(4,minmax(0,1fr))]">
        <label className={`${label} sm:col-span-2 lg:col-span-1`}>
          Search
          <input
            type="search"
            name="q"
            defaultValue={query.q ?? ""}
            placeholder="Host, IP, user, file name, defect ID (CSCwc69661) or check"
            className={`${field} mt-1`}
            maxLength={200}
            data-testid="history-search"
          />
        </label>
        <label className={label}>
          Outcome
          <select name="outcome" defaultValue={query.outcome ?? ""} className={`${field} mt-1`} data-testid="filter-outcome">
            <option value="">Any</option>
            {OUTCOMES.map((o) => (
              <option key={o} value={o}>
                Has {OUTCOME_LABELS[o].toLowerCase()}
              </option>
            ))}
          </select>
        </label>
        <label className={label}>
          Version
          <select name="version" defaultValue={query.version ?? ""} className={`${field} mt-1`} data-testid="filter-version">
            <option value="">Any</option>
            {versions.map((v) => (
              <option key={v} value={v}>
                {v}
              </option>
            ))}
          </select>
        </label>
        <label className={label}>
          Uploaded from
          <input type="date" name="from" defaultValue={query.from ?? ""} className={`${field} mt-1`} data-testid="filter-from" />
        </label>
        <label className={label}>
          Uploaded until
          <input type="date" name="to" defaultValue={query.to ?? ""} className={`${field} mt-1`} data-testid="filter-to" />
        </label>
      </div>
      <div className="mt-3 flex flex-wrap items-center justify-end gap-2">
        {active && (
          <Link href="/analyses" className="btn-ghost">
            Clear
          </Link>
        )}
        <button type="submit" className="btn-primary" data-testid="apply-filters">
          Search
        </button>
      </div>
    </form>
  );
}
