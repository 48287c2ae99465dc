"use client";
// The diagnostic overview of one analysis, laid out as a diagnosis: the summary (what was read, what
// was found), then the findings (CSA's outcome tabs, issue cards first), then the views that back
// them, then context (bundle contents, sharing, this host's other analyses). Polls GET
// /api/analyses/:id while the job is queued or running.
import Link from "next/link";
import { useCallback, useEffect, useMemo, useState } from "react";
import { OUTCOMES, OUTCOME_LABELS, type AnalysisView, type Outcome } from "@/lib/results/types";
import { formatBytes } from "@/lib/ui/format";
import { AnalysisErrorPanel, AnalysisStatusPanel } from "./analysis-status-panel";
import { OUTCOME_STYLE, StatusBadge } from "./badges";
import { BundleFacts, FilesTable, ReaderNotes } from "./bundle-summary";
import { CertificatesPanel } from "./certificates-panel";
import { CopyButton } from "./copy-button";
import { HostHistoryPanel } from "./host-history-panel";
import { LocalTime } from "./local-time";
import { ChevronRightIcon, ServerIcon, UploadIcon } from "./icons";
import { LogLinkProvider } from "./log-viewer/log-link";
import { OutcomeTabs } from "./outcome-tabs";
import { CallsPanel } from "./calls-panel";
import { PrintedFindings } from "./printed-findings";
import { ReportButtons } from "./report-buttons";
import { resultAnchor } from "@/lib/ui/result-anchor";
import { MraRequestsView } from "./mra-requests-view";
import { ReadingReportPanel } from "./reading-report-panel";
import { ReanalyzeButton } from "./reanalyze-button";
import { CoveragePanel } from "./coverage-panel";
import { UnexplainedWarningsPanel } from "./unexplained-warnings-panel";
import { WhatChangedPanel } from "./what-changed-panel";

const isActive = (s: AnalysisView["status"]) => s === "queued" || s === "running";

export function isOutcome(v: unknown): v is Outcome {
  return typeof v === "string" && (OUTCOMES as readonly string[]).includes(v);
}

/** CSA opens on the first tab that needs attention. */
export function defaultTab(view: Pick<AnalysisView, "counts" | "results">): Outcome {
  const n = (o: Outcome) => view.counts?.[o] ?? view.results.filter((r) => r.outcome === o && !r.partOf).length;
  for (const o of ["issue", "potential", "missing"] as const) if (n(o) > 0) return o;
  return n("ok") > 0 ? "ok" : "issue";
}

function VerdictBar({ view }: { view: AnalysisView }) {
  const total = OUTCOMES.reduce((s, o) => s + (view.counts[o] ?? 0), 0);
  if (total === 0) return null;
  const attention = view.counts.issue + view.counts.potential;
  return (
    <div className="border-t border-slate-100 px-5 py-4 sm:px-6">
      <div className="flex flex-wrap items-baseline justify-between gap-x-6 gap-y-1">
        <p className="text-sm text-slate-700">
          {view.counts.issue > 0 ? (
            <span className="font-semibold text-red-700">
              {view.counts.issue} known issue{view.counts.issue === 1 ? "" : "s"} found
            </span>
          ) : attention > 0 ? (
            <span className="font-semibold text-amber-700">No confirmed issue, but something to look at</span>
          ) : (
            <span className="font-semibold text-emerald-700">
              No known issue found{view.details.coverage?.items.some((i) => i.state !== "checked") ? " in what the bundle allowed us to check" : ""}
            </span>
          )}
          <span className="text-slate-500"> · {total} checks run</span>
        </p>
        <ul className="flex flex-wrap gap-x-4 gap-y-1 text-xs text-slate-500">
          {OUTCOMES.map((o) => (
            <li key={o} className="inline-flex items-center gap-1.5">
              <span className={`h-2 w-2 rounded-full ${OUTCOME_STYLE[o].dot}`} aria-hidden="true" />
              {OUTCOME_LABELS[o]} <span className="font-semibold text-slate-700 tabular-nums">{view.counts[o] ?? 0}</span>
            </li>
          ))}
        </ul>
      </div>
      <div className="mt-3 flex h-1.5 overflow-hidden rounded-full bg-slate-100" aria-hidden="true">
        {OUTCOMES.map((o) =>
          view.counts[o] ? (
            <div key={o} className={`${OUTCOME_STYLE[o].bar} border-r border-white last:border-r-0`} style={{ width: `${(view.counts[o] / total) * 100}%` }} />
          ) : null,
        )}
      </div>
    </div>
  );
}

/**
 * `readOnly`: the view a share link opens (no navigation into the workspace, no actions); it polls
 * `pollUrl` instead of the permalink API. `actions` sit beside the title, `children` (e.g. the share
 * links panel) in the context after the findings.
 */
export function AnalysisOverview({
  initial,
  initialTab,
  pollUrl,
  readOnly = false,
  shareExpiresAt = null,
  pageBase,
  apiBase,
  actions,
  children,
}: {
  initial: AnalysisView;
  initialTab?: string | null;
  pollUrl?: string;
  readOnly?: boolean;
  /** the read-only view: when the share link stops working (null: only when revoked) */
  shareExpiresAt?: string | null;
  /** `/analyses/<id>` or `/s/<token>`: where evidence lines open the log viewer (absent: a case share link's analysis, where lines are not links) */
  pageBase?: string | null;
  /** `/api/analyses/<id>` or `/api/shared/<token>`: reports and downloads */
  apiBase?: string | null;
  actions?: React.ReactNode;
  children?: React.ReactNode;
}) {
  const [view, setView] = useState(initial);
  const [connection, setConnection] = useState<"ok" | "retrying">("ok");
  const [chosenTab, setChosenTab] = useState<Outcome | null>(isOutcome(initialTab) ? initialTab : null);
  const [scrollTarget, setScrollTarget] = useState<string | null>(null);
  const active = isActive(view.status);
  const tab = chosenTab ?? defaultTab(view);

  // Poll while the job is pending; back off when the server does not answer.
  useEffect(() => {
    if (!active) return;
    let cancelled = false;
    let failures = 0;
    let timer: ReturnType<typeof setTimeout>;
    const tick = async () => {
      try {
        const res = await fetch(pollUrl ?? `/api/analyses/${encodeURIComponent(initial.id)}`, {
          cache: "no-store",
          headers: { accept: "application/json" },
        });
        if (!res.ok) throw new Error(`HTTP ${res.status}`);
        const next = (await res.json()) as AnalysisView;
        if (cancelled) return;
        failures = 0;
        setConnection("ok");
        setView(next);
        if (isActive(next.status)) timer = setTimeout(tick, 1000);
      } catch {
        if (cancelled) return;
        failures++;
        setConnection("retrying");
        timer = setTimeout(tick, Math.min(1000 * 2 ** failures, 8000));
      }
    };
    timer = setTimeout(tick, 1000);
    return () => {
      cancelled = true;
      clearTimeout(timer);
    };
  }, [active, initial.id, pollUrl]);

  // A link to a finding (#sig-…) opens its tab and scrolls to it.
  useEffect(() => {
    if (view.status !== "done") return;
    const hash = decodeURIComponent(window.location.hash.slice(1));
    if (!hash) return;
    const hit = view.results.find((r) => resultAnchor(r.signatureId) === hash);
    if (!hit) return;
    // a folded check is shown inside its card: open that card's tab
    const card = hit.partOf ? (view.results.find((r) => r.signatureId === hit.partOf) ?? hit) : hit;
    setChosenTab(card.outcome);
    setScrollTarget(hash);
  }, [view.status, view.results]);

  useEffect(() => {
    if (!scrollTarget) return;
    const el = document.getElementById(scrollTarget);
    if (!el) return;
    el.scrollIntoView({ block: "start" });
    setScrollTarget(null);
  }, [scrollTarget, chosenTab]);

  const selectTab = useCallback((o: Outcome) => {
    setChosenTab(o);
    const url = new URL(window.location.href);
    url.searchParams.set("tab", o);
    url.hash = "";
    window.history.replaceState(window.history.state, "", url);
  }, []);

  const b = view.bundle;
  const title = b.host ?? b.fileName;
  // the detected side (Expressway-C / -E, VCS) says more than xstat's product name, which is the same on all
  const subtitle = useMemo(
    () => [b.identity?.name ?? b.product, b.version].filter(Boolean).join(" · "),
    [b.identity?.name, b.product, b.version],
  );
  const decidedBy = b.identity?.name && b.identity.decidedBy.length > 0 ? `Detected from ${b.identity.decidedBy.join(", ")}` : null;

  return (
    <LogLinkProvider value={pageBase ?? null}>
    <div className="space-y-6" data-testid="analysis-view" data-status={view.status}>
      {readOnly ? (
        <p data-testid="read-only-banner" className="flex flex-wrap items-center gap-x-2 gap-y-1 rounded-lg border border-brand-200 bg-brand-50 px-4 py-2.5 text-sm text-brand-900">
          <span className="font-semibold">Shared, read-only view.</span>
          <span className="text-brand-900/80" data-testid="share-expiry-note">
            Someone shared this analysis with you through a link.{" "}
            {shareExpiresAt ? (
              <>
                It expires <LocalTime iso={shareExpiresAt} /> (or sooner if they revoke it).
              </>
            ) : (
              "It does not expire, but stops working if they revoke it."
            )}
          </span>
        </p>
      ) : (
      <nav aria-label="Breadcrumb" className="flex min-w-0 items-center gap-1.5 text-sm text-slate-500">
        <Link href="/analyses" className="hover:text-slate-800">
          History
        </Link>
        <ChevronRightIcon className="h-3.5 w-3.5 shrink-0 text-slate-300" />
        {view.caseId && (
          <>
            <Link href={`/cases/${encodeURIComponent(view.caseId)}`} className="shrink-0 hover:text-slate-800" data-testid="case-link">
              Case
            </Link>
            <ChevronRightIcon className="h-3.5 w-3.5 shrink-0 text-slate-300" />
          </>
        )}
        <span className="truncate text-slate-700" aria-current="page">
          {b.fileName}
        </span>
      </nav>
      )}

      <section className="card" aria-labelledby="analysis-title" data-testid="analysis-summary">
        <div className="flex flex-col gap-5 p-5 sm:p-6 lg:flex-row lg:items-start lg:justify-between">
          <div className="flex min-w-0 gap-4">
            <div className="hidden h-12 w-12 shrink-0 items-center justify-center rounded-xl bg-gradient-to-br from-brand-50 to-brand-100 text-brand-700 ring-1 ring-brand-200 sm:flex">
              <ServerIcon className="h-6 w-6" />
            </div>
            <div className="min-w-0">
              <div className="flex flex-wrap items-center gap-x-3 gap-y-1.5">
                <h1 id="analysis-title" className="text-xl font-semibold tracking-tight text-slate-900 [overflow-wrap:anywhere] sm:text-2xl">
                  {title}
                </h1>
                <StatusBadge status={view.status} />
              </div>
              <p className="mt-1 flex flex-wrap items-center gap-x-2 gap-y-1 text-sm text-slate-600">
                {subtitle ? (
                  <span className="font-medium text-slate-700" data-testid="product-line" title={decidedBy ?? undefined}>
                    {subtitle}
                  </span>
                ) : (
                  <span className="text-slate-400">{active ? "Product and version pending" : "Product and version not found"}</span>
                )}
                {decidedBy && <span className="text-xs text-slate-500" data-testid="product-decided-by">({decidedBy.replace(/^Detected/, "detected")})</span>}
              </p>
              <p className="mt-1 flex min-w-0 flex-wrap items-center gap-x-2 text-xs text-slate-500">
                {b.host && (
                  <>
                    <span className="font-mono [overflow-wrap:anywhere]">{b.fileName}</span>
                    <span aria-hidden="true">·</span>
                  </>
                )}
                <span className="tabular-nums">{formatBytes(b.size)}</span>
              </p>
            </div>
          </div>
          {!readOnly && (
            <div className="flex shrink-0 flex-wrap gap-2">
              <CopyButton label="Copy link" icon="link" testId="copy-link" />
              {(view.status === "done" || view.status === "failed") && (
                <ReanalyzeButton
                  id={view.id}
                  onQueued={() => setView((v) => ({ ...v, status: "queued", queuedAt: new Date().toISOString(), startedAt: null, finishedAt: null }))}
                />
              )}
              <Link href="/" className="btn-secondary">
                <UploadIcon className="h-4 w-4" />
                Analyze another
              </Link>
              {actions}
            </div>
          )}
        </div>
        <div className="border-t border-slate-100 px-5 py-5 sm:px-6">
          <BundleFacts view={view} />
        </div>
        {view.status === "done" && <VerdictBar view={view} />}
        {b.notes.length > 0 && (
          // the notes themselves sit with the bundle's contents; here only that there are some
          <p className="border-t border-slate-100 px-5 py-2.5 text-xs text-amber-800 sm:px-6">
            <a href="#reader-notes" className="hover:underline">
              {b.notes.length === 1 ? "The bundle reader left a note" : `The bundle reader left ${b.notes.length} notes`} about what it could not read ↓
            </a>
          </p>
        )}
        {view.status === "done" && apiBase && <ReportButtons apiBase={apiBase} downloads={!readOnly} />}
      </section>

      {active && <AnalysisStatusPanel view={view} connection={connection} />}
      {view.status === "failed" && <AnalysisErrorPanel view={view} />}
      {view.status === "done" && <WhatChangedPanel view={view} />}
      {view.status === "done" && (
        <div className="print:hidden">
          <OutcomeTabs results={view.results} counts={view.counts} selected={tab} onSelect={selectTab} />
        </div>
      )}
      {view.status === "done" && <PrintedFindings results={view.results} />}
      {/* what the bundle allowed to check: right after the findings, before the views behind them */}
      {view.status === "done" && view.details.coverage && <CoveragePanel coverage={view.details.coverage} />}
      {view.status === "done" && view.details.sip && <CallsPanel apiBase={pollUrl ?? `/api/analyses/${encodeURIComponent(view.id)}`} detail={view.details.sip} />}
      {view.status === "done" && view.details?.tls && <CertificatesPanel tls={view.details.tls} />}
      {view.status === "done" && view.details.mraRequests && <MraRequestsView detail={view.details.mraRequests} />}
      {view.status === "done" && view.details.unexplainedWarnings && <UnexplainedWarningsPanel detail={view.details.unexplainedWarnings} />}

      {(b.notes.length > 0 || b.files.length > 0 || b.reading || children || (!readOnly && b.host)) && (
        <section aria-labelledby="context-heading" className="space-y-3 pt-2" data-testid="analysis-context">
          <h2 id="context-heading" className="eyebrow px-1">
            About this analysis
          </h2>
          {b.notes.length > 0 && (
            <div id="reader-notes" className="scroll-mt-20">
              <ReaderNotes notes={b.notes} />
            </div>
          )}
          <FilesTable files={b.files} />
          {b.reading && <ReadingReportPanel reading={b.reading} />}
          {children}
          {!readOnly && b.host && view.status !== "queued" && <HostHistoryPanel host={b.host} currentId={view.id} />}
        </section>
      )}
    </div>
    </LogLinkProvider>
  );
}
