// What the browser found inside the chosen file before upload: host, time, files by kind, whether
// the server will analyse it (red, with the server's own reason), and early warnings (amber).
// A refusal keeps the upload zone's Analyze button off (lib/ui/upload-verdict.ts); warnings never do.
import type { FileKind } from "@/lib/bundle/bundle-file";
import { formatBytes } from "@/lib/ui/format";
import type { PeekSummary } from "@/lib/ui/peek-bundle";
import { KIND_LABEL, KIND_STYLE } from "./bundle-summary";
import { AlertIcon, CheckCircleIcon, ErrorIcon, SpinnerIcon } from "./icons";

const KIND_ORDER: FileKind[] = ["log", "xconf", "xstat", "capture", "certificate", "other"];
const FORMAT_LABEL: Record<PeekSummary["format"], string> = {
  gzip: "gzip",
  tar: "tar",
  text: "text log",
  unknown: "unknown format",
};

export function BundlePeekView({ peek, error }: { peek: PeekSummary | null; error: string | null }) {
  if (error) {
    return (
      <div data-testid="bundle-peek" data-state="error" className="rounded-lg border border-amber-200 bg-amber-50 px-4 py-3 text-sm text-amber-900">
        <p className="flex items-center gap-2 font-medium">
          <AlertIcon className="h-4 w-4 text-amber-600" />
          The file could not be inspected in the browser
        </p>
        <p className="mt-1 pl-6 text-amber-900/80">{error} You can still upload it; the server will check it.</p>
      </div>
    );
  }
  if (!peek) {
    return (
      <div data-testid="bundle-peek" data-state="reading" className="flex items-center gap-2 rounded-lg border border-slate-200 bg-slate-50 px-4 py-3 text-sm text-slate-600" aria-live="polite">
        <SpinnerIcon className="h-4 w-4 text-brand-600" />
        Looking inside the file…
      </div>
    );
  }

  const byKind = KIND_ORDER.map((k) => ({ kind: k, files: peek.files.filter((f) => f.kind === k) })).filter((g) => g.files.length > 0);

  return (
    <div
      data-testid="bundle-peek"
      data-state="ready"
      data-expressway={peek.looksLikeExpressway ? "yes" : "no"}
      className="overflow-hidden rounded-lg border border-slate-200 bg-white"
      aria-live="polite"
    >
      <div className="grid grid-cols-2 gap-x-6 gap-y-3 border-b border-slate-100 px-4 py-3 sm:grid-cols-[minmax(0,1.2fr)_minmax(0,1.5fr)_minmax(0,1fr)_minmax(0,0.8fr)]">
        <div className="min-w-0">
          <p className="eyebrow">Host</p>
          <p className="mt-0.5 truncate text-sm font-medium text-slate-900" data-testid="peek-host">
            {peek.host ?? <span className="font-normal text-slate-400">unknown</span>}
          </p>
        </div>
        <div className="min-w-0">
          <p className="eyebrow">Collected</p>
          <p className="mt-0.5 text-sm text-slate-800 tabular-nums" data-testid="peek-timestamp">
            {peek.timestamp ?? <span className="text-slate-400">unknown</span>}
          </p>
        </div>
        <div className="min-w-0">
          <p className="eyebrow">Format</p>
          <p className="mt-0.5 text-sm text-slate-800">
            {FORMAT_LABEL[peek.format]}
            {peek.format === "gzip" && peek.files.length > 0 ? (peek.logLines ? " · text log" : " · tar") : ""}
          </p>
        </div>
        <div className="min-w-0">
          <p className="eyebrow">{peek.logLines ? "Log lines (sample)" : "Files"}</p>
          <p className="mt-0.5 text-sm text-slate-800 tabular-nums">
            {peek.logLines ? (
              `${peek.logLines.matching} of ${peek.logLines.sampled} match`
            ) : peek.files.length === 0 ? (
              <span className="text-slate-400">none</span>
            ) : (
              `${peek.files.length}${peek.partial ? "+" : ""}`
            )}
          </p>
        </div>
      </div>

      {peek.refusal && (
        <div role="alert" className="flex gap-2 border-b border-red-100 bg-red-50 px-4 py-2.5 text-sm text-red-900" data-testid="peek-refusal" data-code={peek.refusal.code}>
          <ErrorIcon className="mt-0.5 h-4 w-4 shrink-0 text-red-600" />
          <div className="min-w-0">
            <p className="font-medium">The server will not analyse this file</p>
            <p className="mt-0.5 break-words text-red-900/85">{peek.refusal.message}</p>
          </div>
        </div>
      )}

      {peek.looksLikeExpressway && !peek.refusal && peek.warnings.length === 0 && (
        <p className="flex items-center gap-2 border-b border-slate-100 bg-emerald-50/60 px-4 py-2 text-sm text-emerald-800">
          <CheckCircleIcon className="h-4 w-4 text-emerald-600" />
          Looks like an Expressway diagnostic {peek.logLines ? "log" : "bundle"}.
        </p>
      )}

      {peek.warnings.length > 0 && (
        <ul className="space-y-1 border-b border-amber-100 bg-amber-50 px-4 py-2.5 text-sm text-amber-900" data-testid="peek-warnings">
          {peek.warnings.map((w) => (
            <li key={w.code} className="flex gap-2" data-code={w.code}>
              <AlertIcon className="mt-0.5 h-4 w-4 shrink-0 text-amber-600" />
              <span>{w.message}</span>
            </li>
          ))}
        </ul>
      )}

      {byKind.length > 0 && (
        <div className="space-y-2.5 px-4 py-3">
          {byKind.map((g) => (
            <div key={g.kind} className="grid gap-1 sm:grid-cols-[7.5rem_minmax(0,1fr)] sm:gap-3">
              <div>
                <span className={`inline-flex items-center gap-1.5 rounded px-1.5 py-0.5 text-[11px] font-medium ring-1 ring-inset ${KIND_STYLE[g.kind]}`}>
                  {KIND_LABEL[g.kind]}
                  <span className="tabular-nums opacity-70" data-testid={`peek-count-${g.kind}`}>
                    {g.files.length}
                  </span>
                </span>
              </div>
              <ul className="min-w-0 space-y-0.5">
                {g.files.slice(0, 6).map((f, i) => (
                  <li key={`${f.name}-${i}`} className="flex min-w-0 items-baseline justify-between gap-3 text-xs">
                    <span className="truncate font-mono text-slate-700" title={f.name}>
                      {f.name}
                    </span>
                    <span className="shrink-0 text-slate-400 tabular-nums">{formatBytes(f.size)}</span>
                  </li>
                ))}
                {g.files.length > 6 && <li className="text-xs text-slate-400">and {g.files.length - 6} more</li>}
              </ul>
            </div>
          ))}
        </div>
      )}
    </div>
  );
}
