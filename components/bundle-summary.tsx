// What the analysis learned about the bundle: host, product, version, log period, files by kind and
// the reader's notes about anything it skipped.
import type { BundleFile, FileKind } from "@/lib/bundle/bundle-file";
import type { AnalysisView } from "@/lib/results/types";
import { formatBytes, formatDuration, formatElapsed, spanMs } from "@/lib/ui/format";
import { AlertIcon } from "./icons";
import { BundleTime, LocalTime } from "./local-time";

export const KIND_LABEL: Record<FileKind, string> = {
  log: "Log",
  xconf: "Config",
  xstat: "Status",
  capture: "Capture",
  certificate: "Certificate",
  other: "Other",
};

export const KIND_STYLE: Record<FileKind, string> = {
  log: "bg-sky-50 text-sky-700 ring-sky-200",
  xconf: "bg-indigo-50 text-indigo-700 ring-indigo-200",
  xstat: "bg-teal-50 text-teal-700 ring-teal-200",
  capture: "bg-fuchsia-50 text-fuchsia-700 ring-fuchsia-200",
  certificate: "bg-amber-50 text-amber-800 ring-amber-200",
  other: "bg-slate-50 text-slate-600 ring-slate-200",
};

export function KindBadge({ kind }: { kind: FileKind }) {
  return (
    <span className={`inline-flex items-center rounded px-1.5 py-0.5 text-[11px] font-medium ring-1 ring-inset ${KIND_STYLE[kind]}`}>
      {KIND_LABEL[kind]}
    </span>
  );
}

function Fact({ label, children, wide }: { label: string; children: React.ReactNode; wide?: boolean }) {
  return (
    <div className={`min-w-0 ${wide ? "col-span-2" : ""}`}>
      <dt className="eyebrow">{label}</dt>
      <dd className="mt-1 text-sm text-slate-800">{children}</dd>
    </div>
  );
}

const pending = <span className="text-slate-400">pending</span>;

/** "1.2 M lines/s": how fast this bundle went, which says more than "0.4 s" alone. */
function formatLineRate(lines: number, ms: number): string {
  const perSecond = (lines * 1000) / ms;
  if (perSecond >= 1e6) return `${(perSecond / 1e6).toFixed(1)} M lines/s`;
  if (perSecond >= 1e3) return `${Math.round(perSecond / 1e3)} k lines/s`;
  return `${Math.round(perSecond)} lines/s`;
}
const unknown = <span className="text-slate-400">not found</span>;

export function BundleFacts({ view }: { view: AnalysisView }) {
  const b = view.bundle;
  // once the job has ended, missing facts are "not found" rather than "pending"
  const done = view.status === "done" || view.status === "failed";
  const span = b.timeRange ? spanMs(b.timeRange.start, b.timeRange.end) : null;
  const analyzedIn = spanMs(view.startedAt, view.finishedAt);
  return (
    <dl className="grid grid-cols-2 gap-x-6 gap-y-4 sm:grid-cols-4">
      <Fact label="Log period" wide>
        {b.timeRange ? (
          <span className="flex flex-wrap items-baseline gap-x-1.5 font-mono text-[13px] tabular-nums">
            <BundleTime iso={b.timeRange.start} />
            <span className="text-slate-400">→</span>
            <BundleTime iso={b.timeRange.end} />
            {span !== null && <span className="font-sans text-xs text-slate-500">({formatDuration(span)})</span>}
          </span>
        ) : done ? (
          unknown
        ) : (
          pending
        )}
      </Fact>
      <Fact label="Log lines">{done || b.lineCount > 0 ? <span className="tabular-nums">{b.lineCount.toLocaleString("en-US")}</span> : pending}</Fact>
      <Fact label="Uploaded">
        <LocalTime iso={view.createdAt} />
      </Fact>
      <Fact label="Bundle size">
        <span className="tabular-nums">{formatBytes(view.bundle.size)}</span>
      </Fact>
      <Fact label="Files">{b.files.length > 0 ? b.files.length : done ? unknown : pending}</Fact>
      <Fact label="Analysis time">
        {analyzedIn !== null ? (
          <span data-testid="analysis-time">
            <span className="tabular-nums">{formatElapsed(Math.max(analyzedIn, 0))}</span>
            <span className="block text-xs text-slate-500">
              {view.stats ? `${formatElapsed(view.stats.analysisMs)} in the analyzer` : "from start to results"}
              {b.lineCount > 0 && analyzedIn > 0 ? ` · ${formatLineRate(b.lineCount, analyzedIn)}` : ""}
            </span>
          </span>
        ) : done ? (
          "–"
        ) : (
          pending
        )}
      </Fact>
      <Fact label="Catalog">
        {view.catalogVersion ? <span className="font-mono text-[13px]">{view.catalogVersion}</span> : done ? "–" : pending}
      </Fact>
    </dl>
  );
}

export function ReaderNotes({ notes }: { notes: string[] }) {
  if (notes.length === 0) return null;
  return (
    <div className="rounded-lg border border-amber-200 bg-amber-50 px-4 py-3" role="note">
      <p className="flex items-center gap-2 text-sm font-medium text-amber-900">
        <AlertIcon className="h-4 w-4 text-amber-600" />
        {notes.length === 1 ? "A note from the bundle reader" : `${notes.length} notes from the bundle reader`}
      </p>
      <ul className="mt-1.5 list-disc space-y-1 pl-9 text-sm text-amber-900/90 marker:text-amber-400">
        {notes.map((n, i) => (
          <li key={i} className="break-words">
            {n}
          </li>
        ))}
      </ul>
    </div>
  );
}

export function FilesTable({ files }: { files: BundleFile[] }) {
  if (files.length === 0) return null;
  const byKind = new Map<FileKind, number>();
  for (const f of files) byKind.set(f.kind, (byKind.get(f.kind) ?? 0) + 1);
  const total = files.reduce((n, f) => n + f.size, 0);
  return (
    <details className="group rounded-lg border border-slate-200 bg-white" data-testid="bundle-contents">
      <summary className="flex cursor-pointer list-none flex-wrap items-center gap-x-3 gap-y-2 rounded-lg px-4 py-3 select-none hover:bg-slate-50 [&::-webkit-details-marker]:hidden">
        <svg viewBox="0 0 20 20" className="h-4 w-4 text-slate-400 transition-transform group-open:rotate-90" aria-hidden="true">
          <path d="m8 5 5 5-5 5" fill="none" stroke="currentColor" strokeWidth="1.8" strokeLinecap="round" strokeLinejoin="round" />
        </svg>
        <span className="text-sm font-medium text-slate-800">Bundle contents</span>
        <span className="text-xs text-slate-500">
          {files.length} file{files.length === 1 ? "" : "s"} · {formatBytes(total)}
        </span>
        <span className="flex flex-wrap gap-1.5 sm:ml-auto">
          {[...byKind.entries()].map(([k, n]) => (
            <span key={k} className={`inline-flex items-center gap-1 rounded px-1.5 py-0.5 text-[11px] font-medium ring-1 ring-inset ${KIND_STYLE[k]}`}>
              {KIND_LABEL[k]}
              <span className="tabular-nums opacity-70">{n}</span>
            </span>
          ))}
        </span>
      </summary>
      <div className="scroll-thin max-h-96 overflow-auto border-t border-slate-100">
        <table className="w-full text-sm">
          <thead className="sticky top-0 bg-slate-50 text-left text-xs text-slate-500">
            <tr>
              <th scope="col" className="px-4 py-2 font-medium">File</th>
              <th scope="col" className="px-4 py-2 font-medium">Kind</th>
              <th scope="col" className="px-4 py-2 text-right font-medium">Size</th>
            </tr>
          </thead>
          <tbody className="divide-y divide-slate-100">
            {files.map((f, i) => (
              <tr key={`${f.name}-${i}`}>
                <td className="px-4 py-1.5 font-mono text-xs break-all text-slate-700">{f.name}</td>
                <td className="px-4 py-1.5">
                  <KindBadge kind={f.kind} />
                </td>
                <td className="px-4 py-1.5 text-right text-xs whitespace-nowrap text-slate-600 tabular-nums">{formatBytes(f.size)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </details>
  );
}
