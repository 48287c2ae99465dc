// One Expressway over time: a marker per analysis, oldest left, coloured by what it found, each a link
// to its overview. Answers "what did last week's bundle from this cluster say?" at a glance. Upload
// times in the viewer's zone (markers' labels, rendered on the server, name UTC).
import Link from "next/link";
import type { AnalysisSummary } from "@/lib/results/types";
import { formatUtc } from "@/lib/ui/format";
import { LocalTime } from "./local-time";

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

export function HostTimeline({ items }: { items: AnalysisSummary[] }) {
  if (items.length === 0) return null;
  const ordered = [...items].reverse();
  return (
    <section className="card p-4 sm:p-5" aria-labelledby="timeline-heading" data-testid="host-timeline">
      <div className="flex flex-wrap items-baseline justify-between gap-2">
        <h2 id="timeline-heading" className="text-sm font-semibold text-slate-900">
          Outcomes over time
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
      <ol className="mt-4 flex flex-wrap items-center gap-1.5" aria-label="Analyses, oldest first">
        {ordered.map((a) => {
          const v = verdict(a);
          const when = formatUtc(a.createdAt);
          return (
            <li key={a.id}>
              <Link
                href={a.url}
                title={`${when}: ${v.label} (${a.version ?? "version unknown"})`}
                aria-label={`${when}: ${v.label}`}
                data-testid="timeline-point"
                className={`block h-5 w-5 rounded ring-1 ring-inset transition-transform hover:scale-110 ${v.cls}`}
              />
            </li>
          );
        })}
      </ol>
      <p className="mt-3 flex justify-between text-[11px] text-slate-400 tabular-nums">
        <LocalTime iso={ordered[0].createdAt} />
        {ordered.length > 1 && <LocalTime iso={ordered[ordered.length - 1].createdAt} />}
      </p>
    </section>
  );
}
