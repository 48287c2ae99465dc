// One Expressway over time: a marker per analysis, ordered by when its bundle was collected (its first
// log line, not the upload time), coloured by what it found and labelled with that time; each links to
// its overview, and each after the first to a comparison with the one before it.
import Link from "next/link";
import type { AnalysisSummary } from "@/lib/results/types";
import { formatLogTime, formatUtc } from "@/lib/ui/format";

type Verdict = { label: string; cls: string };

function verdict(a: AnalysisSummary): Verdict {
  if (a.status === "failed") return { label: "failed", cls: "bg-slate-300 ring-slate-400" };
  if (a.status !== "done") return { label: a.status, cls: "bg-white ring-slate-300" };
  if (a.counts.issue > 0) return { label: `${a.counts.issue} issue${a.counts.issue === 1 ? "" : "s"}`, cls: "bg-red-500 ring-red-600" };
  if (a.counts.potential > 0) return { label: `${a.counts.potential} potential`, cls: "bg-amber-400 ring-amber-500" };
  return { label: "no issue", cls: "bg-emerald-500 ring-emerald-600" };
}

const LEGEND = [
  { label: "Issues found", cls: "bg-red-500" },
  { label: "Potential problem", cls: "bg-amber-400" },
  { label: "No issue", cls: "bg-emerald-500" },
  { label: "Failed", cls: "bg-slate-300" },
];

/** When the bundle was collected; the upload time stands in until (or unless) the log says. */
const when = (a: AnalysisSummary) => a.collectedAt ?? a.createdAt;
const order = (a: AnalysisSummary) => Date.parse(when(a)) || 0;

/** "2024-03-05 04:12" in the log's own local time, or the upload time in UTC. */
function shortLabel(a: AnalysisSummary): string {
  return a.collectedAt ? formatLogTime(a.collectedAt).slice(0, 16) : formatUtc(a.createdAt).slice(0, 16);
}

export function HostTimeline({ items }: { items: AnalysisSummary[] }) {
  if (items.length === 0) return null;
  const ordered = [...items].sort((a, b) => order(a) - order(b) || a.createdAt.localeCompare(b.createdAt));
  return (
    <section className="card p-4 sm:p-5" aria-labelledby="timeline-heading" data-testid="host-timeline">
      <div className="flex flex-wrap items-baseline justify-between gap-2">
        <h2 id="timeline-heading" className="text-sm font-semibold text-slate-900">
          Outcomes over time <span className="font-normal text-slate-500">(by when each bundle was collected)</span>
        </h2>
        <ul className="flex flex-wrap gap-x-3 gap-y-1 text-xs text-slate-500">
          {LEGEND.map((l) => (
            <li key={l.label} className="inline-flex items-center gap-1.5">
              <span className={`h-2 w-2 rounded-full ${l.cls}`} aria-hidden="true" />
              {l.label}
            </li>
          ))}
        </ul>
      </div>
      <ol className="mt-4 grid grid-cols-[repeat(auto-fill,minmax(8.5rem,1fr))] gap-x-2 gap-y-3" aria-label="Analyses, oldest collection first">
        {ordered.map((a, i) => {
          const v = verdict(a);
          const label = shortLabel(a);
          const previous = i > 0 ? ordered[i - 1] : null;
          return (
            <li key={a.id} className="flex min-w-0 flex-col items-start gap-1" data-testid="timeline-item">
              <Link
                href={a.url}
                title={`${a.collectedAt ? `collected ${formatLogTime(a.collectedAt)}` : `uploaded ${formatUtc(a.createdAt)}`}: ${v.label} (${a.version ?? "version unknown"})`}
                aria-label={`${label}: ${v.label}`}
                data-testid="timeline-point"
                className="flex min-w-0 items-center gap-1.5 rounded text-[11px] text-slate-600 tabular-nums hover:text-slate-900"
              >
                <span className={`block h-4 w-4 shrink-0 rounded ring-1 ring-inset ${v.cls}`} aria-hidden="true" />
                <span className="truncate" data-testid="timeline-label">
                  {label}
                </span>
              </Link>
              {previous && previous.status === "done" && a.status === "done" && (
                <Link
                  href={`/analyses/${encodeURIComponent(a.id)}/compare/${encodeURIComponent(previous.id)}`}
                  className="pl-5.5 text-[11px] font-medium text-brand-700 hover:underline"
                  data-testid="compare-previous"
                >
                  compare with previous
                </Link>
              )}
            </li>
          );
        })}
      </ol>
    </section>
  );
}
