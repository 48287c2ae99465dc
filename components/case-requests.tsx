"use client";
// The case's MRA requests joined across boxes: one row per client request, with what each Expressway
// logged for it (its hops), so the 502 the client got from Expressway-E sits beside the certificate
// failure on Expressway-C that caused it.
import { useMemo, useState } from "react";
import type { CaseMraRequests, CaseMraRow } from "@/lib/cases/case-view";
import { formatLogTime } from "@/lib/ui/format";

const PAGE = 100;

function StatusChip({ status }: { status: number | null }) {
  if (status === null) return <span className="text-slate-400">–</span>;
  const cls = status >= 500 ? "bg-rose-50 text-rose-700 ring-rose-200" : status >= 400 ? "bg-amber-50 text-amber-800 ring-amber-200" : "bg-emerald-50 text-emerald-700 ring-emerald-200";
  return <span className={`inline-flex rounded px-1.5 py-0.5 font-mono text-xs font-semibold ring-1 ring-inset ${cls}`}>{status}</span>;
}

const MATCHED_BY: Record<NonNullable<CaseMraRow["matchedBy"]>, string> = {
  tracking_id: "matched by TrackingID",
  request: "matched by request and target within seconds (no TrackingID on both)",
};

const target = (r: Pick<CaseMraRow, "host" | "port">) => (r.host ? `${r.host}${r.port ? `:${r.port}` : ""}` : "–");

export function CaseRequests({ detail }: { detail: CaseMraRequests }) {
  const [joinedOnly, setJoinedOnly] = useState(detail.correlated > 0);
  const [limit, setLimit] = useState(PAGE);
  const rows = useMemo(() => (joinedOnly ? detail.rows.filter((r) => r.hops.length > 1) : detail.rows), [detail.rows, joinedOnly]);
  const shown = rows.slice(0, limit);

  return (
    <section className="card overflow-hidden" aria-labelledby="case-requests-title" data-testid="case-requests">
      <div className="flex flex-wrap items-baseline justify-between gap-x-4 gap-y-2 border-b border-slate-100 px-5 py-4 sm:px-6">
        <div>
          <h2 id="case-requests-title" className="text-base font-semibold text-slate-900">
            MRA requests across the Expressways
          </h2>
          <p className="mt-0.5 text-xs text-slate-500">
            {detail.total.toLocaleString("en-US")} logged · {detail.correlated.toLocaleString("en-US")} seen on more than one Expressway
            {detail.correlated > 0 && ` (${detail.byTrackingId.toLocaleString("en-US")} by TrackingID, ${(detail.correlated - detail.byTrackingId).toLocaleString("en-US")} by request, path and target within seconds)`}
          </p>
        </div>
        <label className="inline-flex items-center gap-2 text-sm text-slate-700">
          <input type="checkbox" checked={joinedOnly} onChange={(e) => setJoinedOnly(e.target.checked)} data-testid="case-requests-joined" />
          Only requests seen on several
        </label>
      </div>
      <div className="scroll-thin overflow-x-auto">
        <table className="w-full min-w-[44rem] text-left text-sm">
          <thead className="text-xs text-slate-500">
            <tr className="border-b border-slate-100">
              <th className="px-5 py-2 font-medium sm:px-6">Time</th>
              <th className="px-3 py-2 font-medium">Request</th>
              <th className="px-3 py-2 font-medium">Target</th>
              <th className="px-5 py-2 font-medium sm:px-6">Hops (client side first)</th>
            </tr>
          </thead>
          <tbody className="divide-y divide-slate-100">
            {shown.map((r, i) => (
              <tr key={`${r.time}-${i}`} data-testid="case-request" className="align-top">
                <td className="px-5 py-2.5 text-xs whitespace-nowrap text-slate-600 tabular-nums sm:px-6">{formatLogTime(r.time, { ms: true })}</td>
                <td className="max-w-[18rem] px-3 py-2.5">
                  <span className="block truncate font-mono text-xs text-slate-800" title={`${r.method ?? ""} ${r.path ?? ""}`}>
                    {r.method} {r.path}
                  </span>
                  {r.user && <span className="block text-xs text-slate-500">{r.user}</span>}
                </td>
                <td className="px-3 py-2.5 font-mono text-xs whitespace-nowrap text-slate-700">{target(r)}</td>
                <td className="px-5 py-2.5 sm:px-6">
                  <ol className="space-y-1">
                    {r.hops.map((h) => (
                      <li key={`${h.analysisId}-${h.line}`} className="flex flex-wrap items-center gap-x-2 gap-y-0.5 text-xs" data-testid="case-request-hop">
                        <span className="font-medium text-slate-800">{h.peer ?? "unknown"}</span>
                        <StatusChip status={h.status} />
                        {h.failure && !h.explainedBy && <span className="text-rose-800">{h.failure}</span>}
                        {h.explainedBy && <span className="text-slate-600">explained by {h.explainedBy}</span>}
                      </li>
                    ))}
                  </ol>
                  {r.matchedBy && (
                    <span className="mt-1 block text-[11px] text-slate-500" data-testid="case-request-matched-by" data-matched-by={r.matchedBy} title={r.trackingId ?? undefined}>
                      {MATCHED_BY[r.matchedBy]}
                    </span>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {rows.length > limit && (
        <div className="border-t border-slate-100 px-5 py-3 sm:px-6">
          <button type="button" className="btn-ghost -ml-2 px-2 py-1 text-xs" onClick={() => setLimit((n) => n + PAGE)}>
            Show {Math.min(PAGE, rows.length - limit)} more of {rows.length - limit}
          </button>
        </div>
      )}
    </section>
  );
}
