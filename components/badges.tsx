// Colour language shared by every page: outcomes (CSA's tabs), severities, job statuses, defects.
import type { AnalysisStatus, Outcome, Severity } from "@/lib/results/types";
import { AlertIcon, CheckCircleIcon, ErrorIcon, MinusCircleIcon, QuestionIcon, SpinnerIcon, ClockIcon } from "./icons";

export const OUTCOME_STYLE: Record<
  Outcome,
  { dot: string; text: string; soft: string; ring: string; bar: string; Icon: (p: { className?: string }) => React.ReactNode }
> = {
  issue: { dot: "bg-red-500", text: "text-red-700", soft: "bg-red-50", ring: "ring-red-200", bar: "bg-red-500", Icon: ErrorIcon },
  potential: { dot: "bg-amber-500", text: "text-amber-700", soft: "bg-amber-50", ring: "ring-amber-200", bar: "bg-amber-500", Icon: AlertIcon },
  missing: { dot: "bg-violet-500", text: "text-violet-700", soft: "bg-violet-50", ring: "ring-violet-200", bar: "bg-violet-500", Icon: QuestionIcon },
  not_applicable: { dot: "bg-slate-400", text: "text-slate-600", soft: "bg-slate-100", ring: "ring-slate-200", bar: "bg-slate-400", Icon: MinusCircleIcon },
  ok: { dot: "bg-emerald-500", text: "text-emerald-700", soft: "bg-emerald-50", ring: "ring-emerald-200", bar: "bg-emerald-500", Icon: CheckCircleIcon },
};

const SEVERITY_STYLE: Record<Severity, string> = {
  critical: "bg-red-600 text-white ring-red-600",
  high: "bg-orange-50 text-orange-800 ring-orange-300",
  medium: "bg-amber-50 text-amber-800 ring-amber-300",
  low: "bg-sky-50 text-sky-800 ring-sky-200",
  info: "bg-slate-50 text-slate-700 ring-slate-200",
};

export function SeverityBadge({ severity }: { severity: Severity }) {
  return (
    <span
      className={`inline-flex items-center rounded-md px-2 py-0.5 text-[11px] font-semibold tracking-wide uppercase ring-1 ring-inset ${SEVERITY_STYLE[severity]}`}
      title={`Severity: ${severity}`}
    >
      {severity}
    </span>
  );
}

const STATUS_STYLE: Record<AnalysisStatus, { label: string; cls: string }> = {
  queued: { label: "Queued", cls: "bg-slate-100 text-slate-700 ring-slate-200" },
  running: { label: "Running", cls: "bg-brand-50 text-brand-700 ring-brand-200" },
  done: { label: "Done", cls: "bg-emerald-50 text-emerald-700 ring-emerald-200" },
  failed: { label: "Failed", cls: "bg-red-50 text-red-700 ring-red-200" },
};

export function StatusBadge({ status }: { status: AnalysisStatus }) {
  const s = STATUS_STYLE[status];
  return (
    <span className={`inline-flex items-center gap-1.5 rounded-full px-2 py-0.5 text-xs font-medium ring-1 ring-inset ${s.cls}`}>
      {status === "running" ? (
        <SpinnerIcon className="h-3 w-3" />
      ) : status === "queued" ? (
        <ClockIcon className="h-3 w-3" />
      ) : (
        <span className={`h-1.5 w-1.5 rounded-full ${status === "done" ? "bg-emerald-500" : "bg-red-500"}`} />
      )}
      {s.label}
    </span>
  );
}

const BUG_URL = "https://bst.cloudapps.cisco.com/bugsearch/bug/";

/**
 * Cisco defect IDs link to the Bug Search Tool. `checked`: the card found the defect absent (No issue,
 * Not applicable): a quiet outlined "checked" tag, so a healthy card does not look like a finding.
 */
export function DefectBadge({ id, checked = false }: { id: string; checked?: boolean }) {
  const safe = /^[A-Za-z]{5}\d{5}$/.test(id);
  const cls = checked
    ? "inline-flex items-center gap-1 rounded-md bg-white px-2 py-0.5 font-mono text-[11px] font-medium text-slate-500 ring-1 ring-slate-200 ring-inset"
    : "inline-flex items-center gap-1 rounded-md bg-slate-900 px-2 py-0.5 font-mono text-[11px] font-medium text-white ring-1 ring-slate-900";
  const label = checked ? (
    <>
      <span className="font-sans">checked</span> {id}
    </>
  ) : (
    id
  );
  if (!safe) return <span className={cls} data-testid="defect-badge" data-checked={checked || undefined}>{label}</span>;
  return (
    <a
      href={`${BUG_URL}${encodeURIComponent(id)}`}
      target="_blank"
      rel="noreferrer noopener"
      className={`${cls} transition-colors ${checked ? "hover:text-slate-800 hover:ring-slate-300" : "hover:bg-brand-700 hover:ring-brand-700"}`}
      title={checked ? `Checked for ${id}: not found in this bundle. Open it in Cisco Bug Search` : `Open ${id} in Cisco Bug Search`}
      data-testid="defect-badge"
      data-checked={checked || undefined}
    >
      {label}
      <svg viewBox="0 0 12 12" className="h-2.5 w-2.5 opacity-70" aria-hidden="true">
        <path d="M4.5 2.5h5v5M9.5 2.5l-6 6" fill="none" stroke="currentColor" strokeWidth="1.4" strokeLinecap="round" />
      </svg>
    </a>
  );
}

/** A compact count chip for history rows: "3 issues". */
export function CountChip({ outcome, n, label }: { outcome: Outcome; n: number; label: string }) {
  const s = OUTCOME_STYLE[outcome];
  if (n === 0) return <span className="text-xs text-slate-400 tabular-nums">0</span>;
  return (
    <span className={`inline-flex items-center gap-1.5 rounded-md px-1.5 py-0.5 text-xs font-semibold tabular-nums ${s.soft} ${s.text}`} title={label}>
      <span className={`h-1.5 w-1.5 rounded-full ${s.dot}`} />
      {n}
    </span>
  );
}
