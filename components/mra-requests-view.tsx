"use client";
// Every request the traffic server proxied for MRA clients, filterable by user, host, status and
// failure, with a per-server summary: what an engineer otherwise rebuilds by hand from HTTPMSG blocks.
import { useMemo, useState } from "react";
import type { MraRequestsDetail, MraRequestRow } from "@/lib/results/mra-requests";
import { BundleTime } from "./local-time";
import { useLogLineHref } from "./log-viewer/log-link";

const PAGE = 100;

function StatusChip({ status }: { status: number | null }) {
  if (status === null) return <span className="text-slate-400">–</span>;
  const cls = status >= 500 ? "bg-rose-50 text-rose-700 ring-rose-200" : status >= 400 ? "bg-amber-50 text-amber-800 ring-amber-200" : "bg-emerald-50 text-emerald-700 ring-emerald-200";
  return <span className={`inline-flex rounded px-1.5 py-0.5 font-mono text-xs font-semibold ring-1 ring-inset ${cls}`}>{status}</span>;
}

const target = (r: Pick<MraRequestRow, "host" | "port">) => (r.host ? `${r.host}${r.port ? `:${r.port}` : ""}` : "–");
const isFailed = (r: MraRequestRow) => r.failure !== null || (r.status !== null && r.status >= 400);

export function MraRequestsView({ detail }: { detail: MraRequestsDetail }) {
  const logHref = useLogLineHref();
  const [user, setUser] = useState("");
  const [host, setHost] = useState("");
  const [status, setStatus] = useState("");
  const [failedOnly, setFailedOnly] = useState(false);
  const [limit, setLimit] = useState(PAGE);

  const statuses = useMemo(() => [...new Set(detail.rows.map((r) => (r.status === null ? "none" : String(r.status))))].sort(), [detail.rows]);
  const rows = useMemo(() => {
    const u = user.trim().toLowerCase();
    const h = host.trim().toLowerCase();
    return detail.rows.filter(
      (r) =>
        (!u || (r.user ?? "").toLowerCase().includes(u)) &&
        (!h || target(r).toLowerCase().includes(h)) &&
        (!status || (r.status === null ? "none" : String(r.status)) === status) &&
        (!failedOnly || isFailed(r)),
    );
  }, [detail.rows, user, host, status, failedOnly]);
  const failedCount = detail.rows.filter(isFailed).length;
  const shown = rows.slice(0, limit);

  return (
    <section className="card overflow-hidden" aria-labelledby="mra-title" data-testid="mra-requests">
      <div className="flex flex-wrap items-baseline justify-between gap-x-4 gap-y-1 border-b border-slate-100 px-5 py-4 sm:px-6">
        <h2 id="mra-title" className="text-base font-semibold text-slate-900">
          MRA requests
        </h2>
        <p className="text-xs text-slate-500">
          {detail.total.toLocaleString("en-US")} proxied request{detail.total === 1 ? "" : "s"}
          {detail.rows.length < detail.total && ` (first ${detail.rows.length.toLocaleString("en-US")} listed)`} · {failedCount} failed
        </p>
      </div>

      <div className="border-b border-slate-100 px-5 py-4 sm:px-6">
        <h3 className="eyebrow mb-2">Per server</h3>
        <div className="scroll-thin overflow-x-auto rounded-lg border border-slate-200">
          <table className="w-full min-w-[36rem] text-sm" data-testid="mra-servers">
            <thead className="bg-slate-50 text-left text-xs text-slate-500">
              <tr>
                <th scope="col" className="px-3 py-2 font-medium">Server</th>
                <th scope="col" className="px-3 py-2 font-medium">Service</th>
                <th scope="col" className="px-3 py-2 text-right font-medium">Requests</th>
                <th scope="col" className="px-3 py-2 text-right font-medium">Failed</th>
                <th scope="col" className="px-3 py-2 text-right font-medium">Users</th>
                <th scope="col" className="px-3 py-2 font-medium">Statuses</th>
                <th scope="col" className="px-3 py-2 font-medium">Last failure</th>
              </tr>
            </thead>
            <tbody className="divide-y divide-slate-100">
              {detail.servers.map((s, i) => (
                <tr key={i}>
                  <td className="px-3 py-2 font-mono text-[13px] whitespace-nowrap text-slate-900">{target(s)}</td>
                  <td className="px-3 py-2 text-xs whitespace-nowrap text-slate-600">{s.service ?? "–"}</td>
                  <td className="px-3 py-2 text-right tabular-nums">{s.requests}</td>
                  <td className={`px-3 py-2 text-right font-semibold tabular-nums ${s.failed > 0 ? "text-rose-700" : "text-slate-400"}`}>{s.failed}</td>
                  <td className="px-3 py-2 text-right tabular-nums">{s.users}</td>
                  <td className="px-3 py-2 text-xs whitespace-nowrap text-slate-600">
                    {Object.entries(s.statuses)
                      .map(([k, v]) => `${k === "none" ? "no response" : k} ×${v}`)
                      .join(", ")}
                  </td>
                  <td className="min-w-56 px-3 py-2 text-xs text-slate-600">{s.lastFailure ?? "–"}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </div>

      <div className="flex flex-wrap items-end gap-3 px-5 py-4 sm:px-6" role="search">
        <label className="flex min-w-0 flex-1 basis-36 flex-col gap-1 text-xs font-medium text-slate-600">
          User
          <input value={user} onChange={(e) => setUser(e.target.value)} className="rounded-md border border-slate-300 px-2.5 py-1.5 text-sm font-normal text-slate-900" placeholder="e.g. bwayne" data-testid="mra-filter-user" />
        </label>
        <label className="flex min-w-0 flex-1 basis-36 flex-col gap-1 text-xs font-medium text-slate-600">
          Host
          <input value={host} onChange={(e) => setHost(e.target.value)} className="rounded-md border border-slate-300 px-2.5 py-1.5 text-sm font-normal text-slate-900" placeholder="name, IP or :port" data-testid="mra-filter-host" />
        </label>
        <label className="flex basis-28 flex-col gap-1 text-xs font-medium text-slate-600">
          Status
          <select value={status} onChange={(e) => setStatus(e.target.value)} className="rounded-md border border-slate-300 bg-white px-2 py-1.5 text-sm font-normal text-slate-900" data-testid="mra-filter-status">
            <option value="">any</option>
            {statuses.map((s) => (
              <option key={s} value={s}>
                {s === "none" ? "no response" : s}
              </option>
            ))}
          </select>
        </label>
        <label className="flex items-center gap-2 pb-1.5 text-sm text-slate-700">
          <input type="checkbox" checked={failedOnly} onChange={(e) => setFailedOnly(e.target.checked)} className="h-4 w-4 rounded border-slate-300" data-testid="mra-filter-failed" />
          Failed only
        </label>
      </div>

      <div className="scroll-thin overflow-x-auto border-t border-slate-100">
        <table className="w-full min-w-[52rem] text-sm" data-testid="mra-rows">
          <thead className="bg-slate-50 text-left text-xs text-slate-500">
            <tr>
              <th scope="col" className="px-3 py-2 font-medium sm:pl-6">Time</th>
              <th scope="col" className="px-3 py-2 font-medium">User</th>
              <th scope="col" className="px-3 py-2 font-medium">Target</th>
              <th scope="col" className="px-3 py-2 font-medium">Service</th>
              <th scope="col" className="px-3 py-2 font-medium">Request</th>
              <th scope="col" className="px-3 py-2 font-medium">Status</th>
              <th scope="col" className="min-w-48 px-3 py-2 font-medium sm:pr-6">Failure</th>
            </tr>
          </thead>
          <tbody className="divide-y divide-slate-100">
            {shown.map((r, i) => (
              <tr key={`${r.file}:${r.line}:${i}`} data-testid="mra-row" data-failed={isFailed(r) ? "yes" : "no"} className={isFailed(r) ? "bg-rose-50/40" : undefined}>
                <td className="px-3 py-1.5 text-xs whitespace-nowrap text-slate-600 tabular-nums sm:pl-6" title={`${r.file}:${r.line}${r.peer ? ` (${r.peer})` : ""}`}>
                  {logHref ? (
                    <a href={logHref(r.file, r.line)} className="text-brand-700 underline decoration-brand-300 underline-offset-2 hover:text-brand-900" data-testid="mra-row-link">
                      <BundleTime iso={r.time} />
                    </a>
                  ) : (
                    <BundleTime iso={r.time} />
                  )}
                </td>
                <td className="px-3 py-1.5 whitespace-nowrap text-slate-900">{r.user ?? <span className="text-slate-400">–</span>}</td>
                <td className="px-3 py-1.5 font-mono text-[13px] whitespace-nowrap">{target(r)}</td>
                <td className="px-3 py-1.5 text-xs whitespace-nowrap text-slate-600">{r.service ?? "–"}</td>
                <td className="max-w-[13rem] truncate px-3 py-1.5 font-mono text-xs text-slate-600" title={r.path ?? undefined}>
                  {r.method ? `${r.method} ` : ""}
                  {r.path ?? ""}
                </td>
                <td className="px-3 py-1.5">
                  <StatusChip status={r.status} />
                </td>
                {/* wide enough that a failure reads in two lines, not six: the frame scrolls sideways instead */}
                <td className="min-w-48 px-3 py-1.5 text-xs text-rose-700 sm:pr-6">{r.failure ?? ""}</td>
              </tr>
            ))}
            {shown.length === 0 && (
              <tr>
                <td colSpan={7} className="px-6 py-6 text-center text-sm text-slate-500">
                  No request matches these filters.
                </td>
              </tr>
            )}
          </tbody>
        </table>
      </div>
      {rows.length > shown.length && (
        <button type="button" onClick={() => setLimit((n) => n + PAGE * 5)} className="w-full border-t border-slate-100 px-5 py-2 text-left text-xs font-medium text-slate-600 hover:bg-slate-50 sm:px-6">
          Show more ({rows.length - shown.length} not shown)
        </button>
      )}
    </section>
  );
}
