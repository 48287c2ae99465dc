// The overview's way out: the report to paste into a case (PDF, Markdown), the original bundle and the
// analysis as JSON. Plain download links: they work without script and are hidden when printing.
import { DownloadIcon } from "./icons";

export function ReportButtons({ apiBase, downloads }: { apiBase: string; downloads: boolean }) {
  const link = "btn-secondary px-3 py-1.5 text-xs";
  return (
    <div className="flex flex-wrap items-center gap-2 border-t border-slate-100 px-5 py-3 sm:px-6" data-print="hide" data-testid="report-buttons">
      <span className="eyebrow mr-1">Report</span>
      <a href={`${apiBase}/report.pdf`} className={link} download data-testid="report-pdf">
        <DownloadIcon className="h-3.5 w-3.5" />
        PDF
      </a>
      <a href={`${apiBase}/report.md`} className={link} download data-testid="report-md">
        <DownloadIcon className="h-3.5 w-3.5" />
        Markdown
      </a>
      {downloads && (
        <>
          <span className="eyebrow mr-1 ml-3">Download</span>
          <a href={`${apiBase}/bundle`} className={link} download data-testid="download-bundle">
            <DownloadIcon className="h-3.5 w-3.5" />
            Original bundle
          </a>
          <a href={`${apiBase}/analysis.json`} className={link} download data-testid="download-json">
            <DownloadIcon className="h-3.5 w-3.5" />
            Analysis JSON
          </a>
        </>
      )}
    </div>
  );
}
