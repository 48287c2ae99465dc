"use client";
// One incident's bundles viewed together: the peers and their versions at the top, the findings
// merged over them in CSA's five tabs (each card saying on which Expressways it was seen), the MRA
// requests and the SIP calls joined across boxes. Polls GET /api/cases/:id until every analysis has finished.
import Link from "next/link";
import { useCallback, useEffect, useMemo, useState } from "react";
import { OUTCOMES, OUTCOME_LABELS, type Outcome, type SignatureResult } from "@/lib/results/types";
import type { CaseAnalysis, CaseFinding, CaseView } from "@/lib/cases/case-view";
import { formatLogTime } from "@/lib/ui/format";
import { AddBundleButton } from "./add-bundle-button";
import { CountChip, OUTCOME_STYLE, StatusBadge } from "./badges";
import { CaseCalls } from "./case-calls";
import { CaseRequests } from "./case-requests";
import { CopyButton } from "./copy-button";
import { AlertIcon, ChevronRightIcon, ServerIcon } from "./icons";
import { OutcomeTabs } from "./outcome-tabs";

const isActive = (s: CaseView["status"]) => s === "queued" || s === "running";

function firstTab(view: CaseView): Outcome {
  for (const o of ["issue", "potential", "missing"] as const) if (view.counts[o] > 0) return o;
  return view.counts.ok > 0 ? "ok" : "issue";
}

/** The version most peers of the analysis's deployment run; others are marked. */
function versionOutliers(view: CaseView): Set<string> {
  const out = new Set<string>();
  for (const d of view.deployments) {
    const members = view.analyses.filter((a) => d.analysisIds.includes(a.id) && a.version);
    const tally = new Map<string, number>();
    for (const a of members) tally.set(a.version as string, (tally.get(a.version as string) ?? 0) + 1);
    if (tally.size < 2) continue;
    const common = [...tally.entries()].sort((x, y) => y[1] - x[1])[0][0];
    for (const a of members) if (a.version !== common) out.add(a.id);
  }
  return out;
}

function PeersTable({ view, hrefOf }: { view: CaseView; hrefOf: (a: CaseAnalysis) => string }) {
  const outliers = versionOutliers(view);
  return (
    <div className="scroll-thin overflow-x-auto">
      <table className="w-full text-left text-sm" data-testid="case-peers">
        <thead className="text-xs text-slate-500">
          <tr className="border-b border-slate-100">
            <th className="px-5 py-2 font-medium sm:px-6">Expressway</th>
            <th className="px-3 py-2 font-medium">Version</th>
            <th className="hidden px-3 py-2 font-medium md:table-cell">Collected</th>
            <th className="px-3 py-2 font-medium">Analysis</th>
            <th className="hidden px-5 py-2 font-medium sm:table-cell sm:px-6">Found</th>
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100">
          {view.analyses.map((a) => (
            <tr key={a.id} data-testid="case-peer" data-analysis-id={a.id} data-status={a.status}>
              <td className="max-w-[9rem] px-5 py-2.5 sm:max-w-[16rem] sm:px-6">
                <Link href={hrefOf(a)} className="block truncate font-medium text-slate-900 hover:text-brand-700" data-testid="case-peer-link">
                  {a.host ?? <span className="text-slate-500">unknown host</span>}
                </Link>
                <span className="block truncate font-mono text-xs text-slate-500" title={a.peerFolder ? `${a.peerFolder}/ in ${a.fileName}` : a.fileName}>
                  {a.peerFolder ? `${a.peerFolder}/ in ${a.fileName}` : a.fileName}
                </span>
              </td>
              <td className="px-3 py-2.5 whitespace-nowrap">
                {a.version ? (
                  <span
                    className={outliers.has(a.id) ? "rounded bg-amber-50 px-1.5 py-0.5 font-medium text-amber-800 ring-1 ring-amber-200 ring-inset" : "text-slate-700"}
                    data-testid="case-peer-version"
                    title={outliers.has(a.id) ? "Differs from the other peers of this deployment" : undefined}
                  >
                    {a.version}
                  </span>
                ) : (
                  <span className="text-slate-400">{a.status === "done" || a.status === "failed" ? "unknown" : "pending"}</span>
                )}
              </td>
              <td className="hidden px-3 py-2.5 text-xs whitespace-nowrap text-slate-600 tabular-nums md:table-cell">{a.collectedAt ? formatLogTime(a.collectedAt) : "–"}</td>
              <td className="px-3 py-2.5">
                <StatusBadge status={a.status} />
                {a.error && (
                  <span className="mt-1 block max-w-[18rem] text-xs [overflow-wrap:anywhere] text-red-800" data-testid="case-peer-error">
                    {a.error.message}
                  </span>
                )}
              </td>
              <td className="hidden px-5 py-2.5 sm:table-cell sm:px-6">
                {a.status === "done" ? (
                  <span className="inline-flex gap-1.5">
                    <CountChip outcome="issue" n={a.counts.issue} label={OUTCOME_LABELS.issue} />
                    <CountChip outcome="potential" n={a.counts.potential} label={OUTCOME_LABELS.potential} />
                  </span>
                ) : (
                  <span className="text-slate-300">–</span>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

function SeenOn({ finding, hrefOf, analyses }: { finding: CaseFinding; hrefOf: (a: CaseAnalysis) => string; analyses: CaseAnalysis[] }) {
  if (finding.seenOn.length === 0) return null;
  return (
    <p className="flex flex-wrap items-center gap-1.5 text-xs text-slate-600" data-testid="seen-on">
      <span className="text-slate-500">Seen on</span>
      {finding.seenOn.map((p) => {
        const a = analyses.find((x) => x.id === p.analysisId);
        const style = OUTCOME_STYLE[p.outcome];
        const label = p.role === "symptom" ? "answered clients with the error this explains" : OUTCOME_LABELS[p.outcome].toLowerCase();
        const chip = (
          <>
            <span className={`h-1.5 w-1.5 rounded-full ${p.role === "symptom" ? "bg-red-400" : style.dot}`} aria-hidden="true" />
            <span className="font-medium text-slate-800">{p.host ?? "unknown host"}</span>
            <span className="text-slate-500">{label}</span>
          </>
        );
        return a ? (
          <Link
            key={p.analysisId}
            href={hrefOf(a)}
            data-testid="seen-on-peer"
            data-role={p.role ?? ""}
            className="inline-flex items-center gap-1 rounded-md bg-slate-50 px-1.5 py-0.5 ring-1 ring-slate-200 ring-inset hover:bg-slate-100"
          >
            {chip}
          </Link>
        ) : (
          <span key={p.analysisId} data-testid="seen-on-peer" data-role={p.role ?? ""} className="inline-flex items-center gap-1 rounded-md bg-slate-50 px-1.5 py-0.5 ring-1 ring-slate-200 ring-inset">
            {chip}
          </span>
        );
      })}
    </p>
  );
}

/**
 * `readOnly`: what a share link opens (no actions; analyses open under `analysisBase`, the link's own
 * path). `children` sit below the header (the share links panel).
 */
export function CaseOverview({
  initial,
  pollUrl,
  readOnly = false,
  analysisBase,
  actions,
  children,
}: {
  initial: CaseView;
  pollUrl?: string;
  readOnly?: boolean;
  analysisBase?: string;
  actions?: React.ReactNode;
  children?: React.ReactNode;
}) {
  const [view, setView] = useState(initial);
  const [tab, setTab] = useState<Outcome | null>(null);
  const [connection, setConnection] = useState<"ok" | "retrying">("ok");
  const [wake, setWake] = useState(0);
  const active = isActive(view.status);
  const url = pollUrl ?? `/api/cases/${encodeURIComponent(initial.id)}`;

  useEffect(() => {
    if (!active && wake === 0) return;
    let cancelled = false;
    let failures = 0;
    let timer: ReturnType<typeof setTimeout>;
    const tick = async () => {
      try {
        const res = await fetch(url, { cache: "no-store", headers: { accept: "application/json" } });
        if (!res.ok) throw new Error(`HTTP ${res.status}`);
        const next = (await res.json()) as CaseView;
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
    timer = setTimeout(tick, wake > 0 && !active ? 0 : 1000);
    return () => {
      cancelled = true;
      clearTimeout(timer);
    };
  }, [active, url, wake]);

  const hrefOf = useCallback((a: CaseAnalysis) => (analysisBase ? `${analysisBase}${encodeURIComponent(a.id)}` : a.url), [analysisBase]);
  const selected = tab ?? firstTab(view);
  const hosts = useMemo(() => [...new Set(view.analyses.map((a) => a.host).filter(Boolean))], [view.analyses]);
  const finished = view.analyses.filter((a) => a.status === "done" || a.status === "failed").length;
  const failed = view.analyses.filter((a) => a.status === "failed");
  const findingOf = useMemo(() => new Map(view.findings.map((f) => [f.signatureId, f])), [view.findings]);
  const cardExtra = useCallback(
    (r: SignatureResult) => {
      const f = findingOf.get(r.signatureId);
      return f ? <SeenOn finding={f} hrefOf={hrefOf} analyses={view.analyses} /> : null;
    },
    [findingOf, hrefOf, view.analyses],
  );

  return (
    <div className="space-y-6" data-testid="case-view" data-status={view.status}>
      {readOnly ? (
        <p data-testid="read-only-banner" className="flex flex-wrap items-center gap-x-2 gap-y-1 rounded-lg border border-brand-200 bg-brand-50 px-4 py-2.5 text-sm text-brand-900">
          <span className="font-semibold">Shared, read-only view.</span>
          <span className="text-brand-900/80">Someone shared this case and its analyses with you through a link. It stops working if they revoke it.</span>
        </p>
      ) : (
        <nav aria-label="Breadcrumb" className="flex min-w-0 items-center gap-1.5 text-sm text-slate-500">
          <Link href="/cases" className="hover:text-slate-800">
            Cases
          </Link>
          <ChevronRightIcon className="h-3.5 w-3.5 shrink-0 text-slate-300" />
          <span className="truncate text-slate-700" aria-current="page">
            {view.title}
          </span>
        </nav>
      )}

      <section className="card" aria-labelledby="case-title">
        <div className="flex flex-col gap-5 p-5 sm:p-6 lg:flex-row lg:items-start lg:justify-between">
          <div className="flex min-w-0 gap-4">
            <div className="hidden h-12 w-12 shrink-0 items-center justify-center rounded-xl bg-gradient-to-br from-brand-50 to-brand-100 text-brand-700 ring-1 ring-brand-200 sm:flex">
              <ServerIcon className="h-6 w-6" />
            </div>
            <div className="min-w-0">
              <div className="flex flex-wrap items-center gap-x-3 gap-y-1.5">
                <h1 id="case-title" className="text-xl font-semibold tracking-tight text-slate-900 [overflow-wrap:anywhere] sm:text-2xl">
                  {view.title}
                </h1>
                <StatusBadge status={view.status} />
              </div>
              <p className="mt-1 text-sm text-slate-600" data-testid="case-summary">
                {view.analyses.length} bundle{view.analyses.length === 1 ? "" : "s"} from {hosts.length || "no named"} Expressway{hosts.length === 1 ? "" : "s"}
                {active && ` · ${finished} of ${view.analyses.length} analysed`}
                {connection === "retrying" && <span className="text-amber-700"> · reconnecting…</span>}
              </p>
            </div>
          </div>
          {!readOnly && (
            <div className="flex shrink-0 flex-wrap gap-2">
              <CopyButton label="Copy link" icon="link" testId="copy-link" />
              <AddBundleButton caseId={view.id} onAdded={() => setWake((n) => n + 1)} />
              {actions}
            </div>
          )}
        </div>
        <div className="border-t border-slate-100 py-2">
          <PeersTable view={view} hrefOf={hrefOf} />
        </div>
        {view.deployments.length > 1 && (
          <p className="flex gap-2 border-t border-slate-100 px-5 py-3 text-sm text-slate-700 sm:px-6" data-testid="case-unrelated">
            <AlertIcon className="mt-0.5 h-4 w-4 shrink-0 text-amber-600" />
            <span>
              These bundles look like {view.deployments.length} unrelated deployments (no MRA domain in common):{" "}
              {view.deployments.map((d) => d.hosts.join(", ") || "unnamed").join(" / ")}. Their findings are listed together; versions are compared within each.
            </span>
          </p>
        )}
        {failed.length > 0 && (
          <p className="flex gap-2 border-t border-slate-100 px-5 py-3 text-sm text-red-900 sm:px-6" data-testid="case-failed">
            <AlertIcon className="mt-0.5 h-4 w-4 shrink-0 text-red-600" />
            <span>
              {failed.length} of {view.analyses.length} bundles could not be analysed ({failed.map((a) => a.fileName).join(", ")}); the findings below come from the others.
            </span>
          </p>
        )}
      </section>

      {children}

      {view.analyses.length === 0 && (
        <div className="card px-6 py-10 text-center text-sm text-slate-600">This case holds no bundle yet. Add one with “Add a bundle”.</div>
      )}
      {view.findings.length > 0 && (
        <>
          <ul className="flex flex-wrap gap-x-4 gap-y-1 text-xs text-slate-500" aria-label="Merged findings by outcome">
            {OUTCOMES.map((o) => (
              <li key={o} className="inline-flex items-center gap-1.5">
                <span className={`h-2 w-2 rounded-full ${OUTCOME_STYLE[o].dot}`} aria-hidden="true" />
                {OUTCOME_LABELS[o]} <span className="font-semibold text-slate-700 tabular-nums">{view.counts[o]}</span>
              </li>
            ))}
          </ul>
          <OutcomeTabs results={view.findings} counts={view.counts} selected={selected} onSelect={setTab} cardExtra={cardExtra} />
        </>
      )}
      {view.mraRequests.rows.length > 0 && <CaseRequests detail={view.mraRequests} />}
      {view.calls.parts > 0 && <CaseCalls calls={view.calls} apiBase={url} hrefOf={hrefOf} analyses={view.analyses} />}
    </div>
  );
}
