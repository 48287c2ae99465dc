// The history list: analyses newest first, a table on wide screens and stacked rows on phones,
// with pagination links (?page=, keeping the search and filters) and an empty state pointing at the
// upload page. A row a search found through one of its findings names that finding and links to it.
import Link from "next/link";
import { OUTCOME_LABELS, type AnalysisPage, type AnalysisSummary, type SearchMatch } from "@/lib/results/types";
import { OUTCOME_STYLE } from "./badges";
import { formatBytes } from "@/lib/ui/format";
import { CountChip, StatusBadge } from "./badges";
import { resultAnchor } from "@/lib/ui/result-anchor";
import { ArchiveIcon, ChevronLeftIcon, ChevronRightIcon, UploadIcon } from "./icons";
import { LocalTime } from "./local-time";

function Td({ children, className = "" }: { children: React.ReactNode; className?: string }) {
  return <td className={`md:table-cell md:px-4 md:py-3 ${className}`}>{children}</td>;
}

const none = <span className="text-slate-300 max-md:hidden">–</span>;

function Counts({ a, outcome, unit }: { a: AnalysisSummary; outcome: "issue" | "potential"; unit: string }) {
  if (a.status !== "done") return none;
  const n = a.counts[outcome];
  return (
    <span className="inline-flex items-center gap-1">
      <CountChip outcome={outcome} n={n} label={OUTCOME_LABELS[outcome]} />
      <span className="text-xs text-slate-500 md:hidden">{n === 1 || unit === "potential" ? unit : `${unit}s`}</span>
    </span>
  );
}

const FIELD_LABEL: Record<SearchMatch["field"], string> = {
  defect: "defect",
  host: "affected host",
  ip: "affected IP",
  user: "affected user",
  reason: "affected",
  signature: "check",
};

function MatchLine({ a, match }: { a: AnalysisSummary; match: SearchMatch }) {
  const s = OUTCOME_STYLE[match.outcome];
  return (
    <Link
      href={`${a.url}#${resultAnchor(match.signatureId)}`}
      className="relative z-10 mt-1 flex min-w-0 items-baseline gap-1.5 text-xs text-slate-600 hover:text-brand-800"
      data-testid="history-match"
      data-field={match.field}
    >
      <span className={`h-1.5 w-1.5 shrink-0 translate-y-[-1px] rounded-full ${s.dot}`} aria-hidden="true" />
      <span className="min-w-0 truncate">
        {/* the matched value first: the title is long and is what gets cut */}
        {match.field !== "signature" && (
          <>
            {FIELD_LABEL[match.field]} <span className="font-mono font-medium text-slate-800">{match.text}</span>
            {" in "}
          </>
        )}
        <span className="font-medium text-slate-800">{match.title}</span>
      </span>
    </Link>
  );
}

/** On phones a row is a compact block: host and file on top, then status, counts, time and version. */
function Row({ a, hostLinks }: { a: AnalysisSummary; hostLinks: boolean }) {
  return (
    <tr
      className="relative flex flex-wrap items-center gap-x-3 gap-y-1.5 px-4 py-3 transition-colors hover:bg-slate-50 md:table-row md:p-0"
      data-testid="history-row"
      data-analysis-id={a.id}
    >
      <Td className="text-xs whitespace-nowrap text-slate-500 tabular-nums max-md:order-1 md:text-slate-600">
        <LocalTime iso={a.createdAt} />
      </Td>
      <td className="order-first block min-w-0 basis-full md:table-cell md:max-w-0 md:px-4 md:py-3">
        <Link
          href={a.url}
          className="block truncate font-medium text-slate-900 after:absolute after:inset-0 hover:text-brand-700 focus-visible:outline-none focus-visible:after:rounded-md focus-visible:after:ring-2 focus-visible:after:ring-brand-500"
          title={a.fileName}
        >
          {a.host ?? <span className="text-slate-500">unknown host</span>}
        </Link>
        <span className="block truncate font-mono text-xs text-slate-500" title={a.fileName}>
          {a.fileName} · {formatBytes(a.size)}
        </span>
        {a.match && <MatchLine a={a} match={a.match} />}
        {hostLinks && a.host && (
          <Link
            href={`/hosts/${encodeURIComponent(a.host)}`}
            className="relative z-10 mt-0.5 inline-block text-xs font-medium text-brand-700 hover:text-brand-800 hover:underline"
            data-testid="host-link"
          >
            All analyses of {a.host}
          </Link>
        )}
        {a.host && a.status === "done" && (
          <Link
            href={`/analyses/${encodeURIComponent(a.id)}/compare/previous`}
            className={`relative z-10 mt-0.5 inline-block text-xs font-medium text-brand-700 hover:text-brand-800 hover:underline ${hostLinks ? "ml-3" : ""}`}
            data-testid="compare-previous-link"
          >
            Compare with previous
          </Link>
        )}
      </td>
      <Td className="text-sm whitespace-nowrap text-slate-700 max-md:order-1 max-md:text-xs">
        {a.version ?? none}
      </Td>
      <Td className="max-md:-order-1">
        <StatusBadge status={a.status} />
      </Td>
      <Td className="md:text-right">
        <Counts a={a} outcome="issue" unit="issue" />
      </Td>
      <Td className="md:text-right">
        <Counts a={a} outcome="potential" unit="potential" />
      </Td>
      <td className="hidden w-8 pr-4 text-slate-300 md:table-cell" aria-hidden="true">
        <ChevronRightIcon className="h-4 w-4" />
      </td>
    </tr>
  );
}

function EmptyState() {
  return (
    <div className="card flex flex-col items-center px-6 py-16 text-center">
      <div className="flex h-12 w-12 items-center justify-center rounded-xl bg-brand-50 text-brand-600 ring-1 ring-brand-100">
        <ArchiveIcon className="h-6 w-6" />
      </div>
      <h2 className="mt-4 text-base font-semibold text-slate-900">No analyses yet</h2>
      <p className="mt-1 max-w-sm text-sm text-slate-500">
        Upload an Expressway diagnostic log bundle and its diagnostic overview will be listed here.
      </p>
      <Link href="/" className="btn-primary mt-5">
        <UploadIcon className="h-4 w-4" />
        Analyze a bundle
      </Link>
    </div>
  );
}

export function HistoryList({
  data,
  title = "History",
  subtitle = "Every bundle analyzed in this workspace, newest first.",
  pageHref = (page: number) => `/analyses?page=${page}`,
  filters,
  filtered = false,
  hostLinks = true,
  before,
}: {
  data: AnalysisPage;
  title?: React.ReactNode;
  subtitle?: React.ReactNode;
  pageHref?: (page: number) => string;
  filters?: React.ReactNode;
  /** a search or filter is applied: an empty list means "no match", not "nothing uploaded" */
  filtered?: boolean;
  hostLinks?: boolean;
  before?: React.ReactNode;
}) {
  const pageSize = data.pageSize || 20;
  const totalPages = Math.max(1, Math.ceil(data.total / pageSize));
  const first = (data.page - 1) * pageSize + 1;
  const last = first + data.items.length - 1;

  return (
    <div className="space-y-6">
      <div className="flex flex-wrap items-end justify-between gap-4">
        <div>
          <h1 className="text-2xl font-semibold tracking-tight [overflow-wrap:anywhere] text-slate-900">{title}</h1>
          <p className="mt-1 text-sm text-slate-500">{subtitle}</p>
        </div>
        <Link href="/" className="btn-primary">
          <UploadIcon className="h-4 w-4" />
          Analyze a bundle
        </Link>
      </div>

      {filters}
      {before}

      {data.total === 0 && filtered ? (
        <div className="card px-6 py-12 text-center text-sm text-slate-600" data-testid="no-match">
          No analysis matches this search.{" "}
          <Link href="/analyses" className="link">
            Show all
          </Link>
          .
        </div>
      ) : data.total === 0 ? (
        <EmptyState />
      ) : data.items.length === 0 ? (
        <div className="card px-6 py-12 text-center text-sm text-slate-600">
          Page {data.page} is past the end of the list.{" "}
          <Link href={pageHref(totalPages)} className="link">
            Go to the last page
          </Link>
          .
        </div>
      ) : (
        <div className="card overflow-hidden">
          <table className="block w-full text-sm md:table md:table-fixed">
            <thead className="hidden border-b border-slate-200 bg-slate-50 text-left text-xs text-slate-500 md:table-header-group">
              <tr>
                <th scope="col" className="w-40 px-4 py-2.5 font-medium">Uploaded</th>
                <th scope="col" className="px-4 py-2.5 font-medium">Host / file</th>
                <th scope="col" className="w-28 px-4 py-2.5 font-medium">Version</th>
                <th scope="col" className="w-28 px-4 py-2.5 font-medium">Status</th>
                <th scope="col" className="w-20 px-4 py-2.5 text-right font-medium">Issues</th>
                <th scope="col" className="w-24 px-4 py-2.5 text-right font-medium">Potential</th>
                <th scope="col" className="w-8" />
              </tr>
            </thead>
            <tbody className="block divide-y divide-slate-100 md:table-row-group">
              {data.items.map((a) => (
                <Row key={a.id} a={a} hostLinks={hostLinks} />
              ))}
            </tbody>
          </table>
        </div>
      )}

      {data.total > 0 && (
        <nav aria-label="Pagination" className="flex flex-wrap items-center justify-between gap-3 text-sm">
          <p className="text-slate-500">
            {data.items.length > 0 ? (
              <>
                Showing <span className="font-medium text-slate-700 tabular-nums">{first}</span>–
                <span className="font-medium text-slate-700 tabular-nums">{last}</span> of{" "}
                <span className="font-medium text-slate-700 tabular-nums">{data.total}</span>
              </>
            ) : (
              <>{data.total} analyses</>
            )}
          </p>
          <div className="flex items-center gap-2">
            {data.page > 1 ? (
              <Link href={pageHref(Math.min(data.page - 1, totalPages))} className="btn-secondary" rel="prev">
                <ChevronLeftIcon className="h-4 w-4" />
                Newer
              </Link>
            ) : (
              <span className="btn-secondary pointer-events-none opacity-40" aria-disabled="true">
                <ChevronLeftIcon className="h-4 w-4" />
                Newer
              </span>
            )}
            <span className="px-1 text-slate-500 tabular-nums">
              Page {data.page} of {totalPages}
            </span>
            {data.page < totalPages ? (
              <Link href={pageHref(data.page + 1)} className="btn-secondary" rel="next">
                Older
                <ChevronRightIcon className="h-4 w-4" />
              </Link>
            ) : (
              <span className="btn-secondary pointer-events-none opacity-40" aria-disabled="true">
                Older
                <ChevronRightIcon className="h-4 w-4" />
              </span>
            )}
          </div>
        </nav>
      )}
    </div>
  );
}
