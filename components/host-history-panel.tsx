"use client";
// Context below the findings: this Expressway's other analyses in the workspace, newest first, with
// what each found, so "was it already broken last week?" is one glance away. Loads after the page
// (the findings come first); says nothing when there is no other analysis.
import Link from "next/link";
import { useEffect, useState } from "react";
import { OUTCOME_LABELS, type AnalysisPage } from "@/lib/results/types";
import { apiFetch } from "@/lib/ui/api-fetch";
import { CountChip, StatusBadge } from "./badges";
import { ClockIcon } from "./icons";
import { LocalTime } from "./local-time";

const SHOWN = 5;

export function HostHistoryPanel({ host, currentId }: { host: string; currentId: string }) {
  const [page, setPage] = useState<AnalysisPage | null>(null);
  useEffect(() => {
    let cancelled = false;
    apiFetch<AnalysisPage>(`/api/analyses?${new URLSearchParams({ host, pageSize: String(SHOWN + 1) })}`)
      .then((p) => {
        if (!cancelled) setPage(p);
      })
      .catch(() => {
        // context only: without it the page is still complete
      });
    return () => {
      cancelled = true;
    };
  }, [host]);

  const others = page?.items.filter((a) => a.id !== currentId).slice(0, SHOWN) ?? [];
  if (!page || others.length === 0) return null;
  const total = page.total - (page.items.some((a) => a.id === currentId) ? 1 : 0);
  const hostHref = `/hosts/${encodeURIComponent(host)}`;

  return (
    <section className="card" aria-labelledby="host-history-heading" data-testid="host-history">
      <div className="flex flex-wrap items-baseline justify-between gap-x-4 gap-y-1 px-5 pt-4 pb-3 sm:px-6">
        <h2 id="host-history-heading" className="flex items-center gap-2 text-sm font-semibold text-slate-900">
          <ClockIcon className="h-4 w-4 text-slate-400" />
          Other analyses of <span className="[overflow-wrap:anywhere]">{host}</span>
        </h2>
        <Link href={hostHref} className="link text-xs">
          {total > others.length ? `All ${total}` : "Outcomes over time"}
        </Link>
      </div>
      <ul className="divide-y divide-slate-100 border-t border-slate-100">
        {others.map((a) => (
          <li key={a.id}>
            <Link href={a.url} className="flex flex-wrap items-center gap-x-4 gap-y-1 px-5 py-2.5 text-sm hover:bg-slate-50 sm:px-6">
              <LocalTime iso={a.createdAt} className="text-xs whitespace-nowrap text-slate-600 tabular-nums" />
              <span className="min-w-0 flex-1 truncate font-mono text-xs text-slate-500">{a.fileName}</span>
              {a.status === "done" ? (
                <span className="flex items-center gap-2">
                  <CountChip outcome="issue" n={a.counts.issue} label={OUTCOME_LABELS.issue} />
                  <CountChip outcome="potential" n={a.counts.potential} label={OUTCOME_LABELS.potential} />
                </span>
              ) : (
                <StatusBadge status={a.status} />
              )}
            </Link>
          </li>
        ))}
      </ul>
    </section>
  );
}
