// How the log was read (bundle.reading): per log file, the lines of each family, the message and
// blank lines, and the lines that matched no family with a few masked samples. A layout the
// analyser does not know shows up here as lines not understood, not as findings silently missing.
import type { Reading } from "@/lib/results/types";
import { AlertIcon } from "./icons";

const n = (v: number) => v.toLocaleString("en-US");

export function ReadingReportPanel({ reading }: { reading: Reading }) {
  if (reading.files.length === 0) return null;
  const bad = reading.notUnderstood > 0;
  const lines = reading.files.reduce((s, f) => s + f.lines, 0);
  return (
    <details className={`group rounded-lg border bg-white ${bad ? "border-amber-300" : "border-slate-200"}`} open={bad} data-testid="reading-report">
      <summary className="flex cursor-pointer list-none flex-wrap items-center gap-x-3 gap-y-1 rounded-lg px-4 py-3 select-none hover:bg-slate-50 [&::-webkit-details-marker]:hidden">
        <svg viewBox="0 0 20 20" className="h-4 w-4 text-slate-400 transition-transform group-open:rotate-90" aria-hidden="true">
          <path d="m8 5 5 5-5 5" fill="none" stroke="currentColor" strokeWidth="1.8" strokeLinecap="round" strokeLinejoin="round" />
        </svg>
        <span className="text-sm font-medium text-slate-800">How the log was read</span>
        <span className="text-xs text-slate-500">
          {n(lines)} line{lines === 1 ? "" : "s"} in {reading.files.length} log file{reading.files.length === 1 ? "" : "s"}
        </span>
        <span
          data-testid="not-understood"
          className={`inline-flex items-center gap-1 rounded px-1.5 py-0.5 text-[11px] font-medium ring-1 ring-inset sm:ml-auto ${
            bad ? "bg-amber-50 text-amber-800 ring-amber-200" : "bg-emerald-50 text-emerald-700 ring-emerald-200"
          }`}
        >
          {bad && <AlertIcon className="h-3 w-3" />}
          {n(reading.notUnderstood)} not understood
        </span>
      </summary>
      <div className="space-y-4 border-t border-slate-100 px-4 py-3">
        {bad && (
          <p className="text-sm text-amber-900">
            Some lines matched no layout the analyser knows. Findings that depend on them may be missing: the samples below (masked) show what they look like.
          </p>
        )}
        {reading.files.map((f) => (
          <div key={f.file} className="min-w-0 space-y-2">
            <p className="font-mono text-xs break-all text-slate-700">{f.file}</p>
            <dl className="grid grid-cols-2 gap-x-4 gap-y-1 text-xs text-slate-600 sm:grid-cols-5">
              <Count label="Lines" value={f.lines} />
              <Count label="In message blocks" value={f.messageLines} />
              <Count label="Blank" value={f.blankLines} />
              <Count label="Skipped (too long)" value={f.longLines} />
              <Count label="Not understood" value={f.notUnderstood} warn={f.notUnderstood > 0} />
            </dl>
            {f.families.length > 0 && (
              <ul className="flex flex-wrap gap-1.5" aria-label="Timestamped lines per family">
                {f.families.map((x) => (
                  <li key={x.name} className="inline-flex max-w-full items-center gap-1 rounded bg-slate-50 px-1.5 py-0.5 text-[11px] text-slate-700 ring-1 ring-slate-200 ring-inset">
                    <span className="truncate font-mono">{x.name}</span>
                    <span className="tabular-nums text-slate-500">{n(x.lines)}</span>
                  </li>
                ))}
              </ul>
            )}
            {f.samples.length > 0 && (
              <ul className="space-y-1" aria-label="Lines not understood (masked)">
                {f.samples.map((s) => (
                  <li key={s.line} className="flex min-w-0 gap-2 rounded bg-amber-50/60 px-2 py-1 font-mono text-[11px] text-slate-700">
                    <span className="shrink-0 text-slate-400 tabular-nums">{s.line}</span>
                    <span className="min-w-0 break-all">{s.template}</span>
                  </li>
                ))}
              </ul>
            )}
          </div>
        ))}
      </div>
    </details>
  );
}

function Count({ label, value, warn }: { label: string; value: number; warn?: boolean }) {
  return (
    <div className="min-w-0">
      <dt className="text-slate-500">{label}</dt>
      <dd className={`font-medium tabular-nums ${warn ? "text-amber-800" : "text-slate-800"}`}>{n(value)}</dd>
    </div>
  );
}
