// Nodes a finding concerns. A table when its frame is wide enough for every column (a container query,
// not the screen width: the card's label column takes room on a laptop too); narrower, each node becomes
// a stacked block of labelled rows. Host names and reasons wrap, so nothing is cut off or hidden.
import type { Affected } from "@/lib/results/types";
import { formatLogTime } from "@/lib/ui/format";
import { BundleTime } from "./local-time";

/** `nowrap`: short values (IP, port, count) keep one line in the table; long ones (host, reason) wrap anywhere. */
function Cell({ label, children, className = "", nowrap = false }: { label: string; children: React.ReactNode; className?: string; nowrap?: boolean }) {
  return (
    <td className={`flex gap-3 px-3 py-1 align-top @3xl:table-cell @3xl:py-2 ${nowrap ? "@3xl:whitespace-nowrap" : ""} ${className}`}>
      <span className="w-24 shrink-0 text-xs font-medium text-slate-500 @3xl:hidden">{label}</span>
      <span className="min-w-0 [overflow-wrap:anywhere]">{children}</span>
    </td>
  );
}

const dash = <span className="text-slate-400">–</span>;

/** The same calendar day as `first`: only the time is repeated. */
const sameDay = (first: string | null, last: string) => Boolean(first) && formatLogTime(first).slice(0, 10) === formatLogTime(last).slice(0, 10);

export function AffectedTable({ affected }: { affected: Affected[] }) {
  if (affected.length === 0) return null;
  // The Expressway peer column only helps when the bundle holds several peers.
  const showPeers = new Set(affected.flatMap((a) => a.peers ?? [])).size > 1;
  return (
    <div className="@container" data-testid="affected-table">
      <div className="overflow-hidden rounded-lg border border-slate-200">
        <table className="block w-full text-sm @3xl:table">
          <thead className="hidden bg-slate-50 text-left text-xs font-medium text-slate-500 @3xl:table-header-group">
            <tr>
              <th scope="col" className="px-3 py-2 font-medium">Host</th>
              {showPeers && <th scope="col" className="px-3 py-2 font-medium">Seen by</th>}
              <th scope="col" className="px-3 py-2 font-medium">IP</th>
              <th scope="col" className="px-3 py-2 font-medium">Port</th>
              <th scope="col" className="px-3 py-2 font-medium">Service</th>
              <th scope="col" className="px-3 py-2 font-medium">Reason</th>
              <th scope="col" className="px-3 py-2 text-right font-medium">Count</th>
              <th scope="col" className="px-3 py-2 font-medium">First / last seen</th>
            </tr>
          </thead>
          <tbody className="block divide-y divide-slate-100 @3xl:table-row-group">
            {affected.map((a, i) => (
              <tr key={i} className="block py-2 @3xl:table-row @3xl:py-0 @3xl:hover:bg-slate-50/60" data-testid="affected-row">
                <Cell label="Host" className="@3xl:min-w-32">{a.host ? <span className="font-medium text-slate-900">{a.host}</span> : dash}</Cell>
                {showPeers && (
                  <Cell label="Seen by">{a.peers?.length ? <span className="text-xs font-medium text-slate-700">{a.peers.join(", ")}</span> : dash}</Cell>
                )}
                <Cell label="IP" nowrap>{a.ip ? <span className="font-mono text-[13px]">{a.ip}</span> : dash}</Cell>
                <Cell label="Port" nowrap>{a.port != null ? <span className="font-mono text-[13px] tabular-nums">{a.port}</span> : dash}</Cell>
                <Cell label="Service" className="@3xl:min-w-24">
                  {a.service ? <span className="inline-flex rounded bg-slate-100 px-1.5 py-0.5 text-xs font-medium text-slate-700">{a.service}</span> : dash}
                </Cell>
                <Cell label="Reason" className={`text-slate-700 ${a.certificate ? "@3xl:min-w-64" : "@3xl:min-w-40"}`}>
                  {a.reason}
                  {a.calls && a.calls.length > 0 && (
                    <span className="mt-1 flex flex-wrap gap-x-2 text-xs" data-testid="affected-calls">
                      {a.calls.map((id) => (
                        // relative: the same page (member or share link) with the call's ladder open
                        <a key={id} href={`?call=${encodeURIComponent(id)}#calls`} className="font-medium break-all text-brand-700 underline-offset-2 hover:underline">
                          Ladder of call {id.slice(id.lastIndexOf(":") + 1)}
                        </a>
                      ))}
                    </span>
                  )}
                  {a.certificate && (
                    <span className="mt-1 block text-xs text-slate-600" data-testid="presented-certificate" title={a.certificate.fingerprint ?? undefined}>
                      <span className="font-medium text-slate-700">Capture: </span>
                      {a.certificate.summary}
                    </span>
                  )}
                </Cell>
                <Cell label="Count" nowrap className="tabular-nums @3xl:text-right">
                  <span className="font-semibold text-slate-900">{a.count.toLocaleString("en-US")}</span>
                </Cell>
                <Cell label="Seen" nowrap className="text-xs text-slate-600 tabular-nums">
                  {a.firstSeen || a.lastSeen ? (
                    <span className="flex flex-col">
                      <span>
                        <span className="sr-only">First seen </span>
                        <BundleTime iso={a.firstSeen} />
                      </span>
                      {a.lastSeen && a.lastSeen !== a.firstSeen && (
                        <span className="text-slate-400">
                          <span aria-hidden="true">→ </span>
                          <span className="sr-only">last seen </span>
                          <BundleTime iso={a.lastSeen} timeOnly={sameDay(a.firstSeen, a.lastSeen)} />
                        </span>
                      )}
                    </span>
                  ) : (
                    dash
                  )}
                </Cell>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </div>
  );
}
