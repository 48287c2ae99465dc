// The page around the log viewer, for a member's analysis and for a share link alike: where the file
// sits (bundle, file), the way back to the overview or the card the reader came from, and for members a
// download of the file.
import Link from "next/link";
import type { AnalysisView } from "@/lib/results/types";
import { evidenceMarks } from "@/lib/ui/evidence-marks";
import { resultAnchor } from "@/lib/ui/result-anchor";
import { formatBytes } from "@/lib/ui/format";
import { ChevronRightIcon, DownloadIcon } from "../icons";
import { LogViewer } from "./log-viewer";

export function LogFilePage({
  view,
  file,
  line,
  card,
  pageBase,
  apiBase,
  readOnly,
}: {
  view: AnalysisView;
  file: string;
  line: number;
  card: string | null;
  pageBase: string;
  apiBase: string;
  readOnly: boolean;
}) {
  const entry = view.bundle.files.find((f) => f.name === file);
  const marks = evidenceMarks(view, file);
  const from = card ? view.results.find((r) => resultAnchor(r.signatureId) === card) : undefined;
  const backCard = from ? card : null;
  const cardTitle = from?.title ?? null;
  return (
    <div className="space-y-4">
      {readOnly && (
        <p data-testid="read-only-banner" className="rounded-lg border border-brand-200 bg-brand-50 px-4 py-2.5 text-sm text-brand-900">
          <span className="font-semibold">Shared, read-only view.</span> A log file of the analysis shared with you.
        </p>
      )}
      <nav aria-label="Breadcrumb" className="flex min-w-0 flex-wrap items-center gap-1.5 text-sm text-slate-500">
        {!readOnly && (
          <>
            <Link href="/analyses" className="hover:text-slate-800">
              History
            </Link>
            <ChevronRightIcon className="h-3.5 w-3.5 shrink-0 text-slate-300" />
          </>
        )}
        <Link href={pageBase} className="min-w-0 truncate hover:text-slate-800" data-testid="back-to-analysis">
          {view.bundle.host ?? view.bundle.fileName}
        </Link>
        <ChevronRightIcon className="h-3.5 w-3.5 shrink-0 text-slate-300" />
        <span className="min-w-0 font-mono text-slate-700 [overflow-wrap:anywhere]" aria-current="page">
          {file}
        </span>
      </nav>
      <div className="flex flex-wrap items-center justify-between gap-3">
        <div className="min-w-0">
          <h1 className="text-lg font-semibold tracking-tight text-slate-900 [overflow-wrap:anywhere]">{file.slice(file.lastIndexOf("/") + 1)}</h1>
          <p className="text-xs text-slate-500">
            {entry ? `${entry.kind} · ${formatBytes(entry.size)}` : null}
            {marks.length > 0 && ` · ${marks.length} evidence line${marks.length === 1 ? "" : "s"} highlighted`}
          </p>
        </div>
        <div className="flex flex-wrap gap-2">
          {backCard && (
            <a href={`${pageBase}#${backCard}`} className="btn-secondary" data-testid="back-to-card" title={cardTitle ?? undefined}>
              Back to the card
            </a>
          )}
          {!readOnly && (
            <a href={`${apiBase}/files/${encodeURIComponent(file)}`} className="btn-secondary" download data-testid="download-file">
              <DownloadIcon className="h-4 w-4" />
              Download file
            </a>
          )}
        </div>
      </div>
      <LogViewer apiBase={apiBase} pageBase={pageBase} file={file} initialLine={line} evidence={marks} backCard={backCard} />
    </div>
  );
}
