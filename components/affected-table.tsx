// Nodes a finding concerns. A table on wide screens; on phones each node becomes a stacked block of
// labelled rows so nothing overflows the page.
import type { Affected } from "@/lib/results/types";
import { BundleTime } from "./local-time";

function Cell({ label, children, className = "" }: { label: string; children: React.ReactNode; className?: string }) {
  return (
    <td className={`flex gap-3 px-3 py-1 align-top md:table-cell md:py-2 ${className}`}>
      <span className="w-24 shrink-0 text-xs font-medium text-slate-500 md:hidden">{label}</span>
      <span className="min-w-0 break-words">{children}</span>
    </td>
  );
}

const dash = <span className="text-slate-400">–</span>;

export function AffectedTable({ affected }: { affected: Affected[] }) {
  if (affected.length === 0) return null;
  // The Expressway peer column only helps when the bundle holds several peers.
  const showPeers = new Set(affected.flatMap((a) => a.peers ?? [])).size > 1;
  return (
    <div className="overflow-hidden rounded-lg border border-slate-200">
      <table className="block w-full text-sm md:table">
        <thead className="hidden bg-slate-50 text-left text-xs font-medium text-slate-500 md:table-header-group">
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
        <tbody className="block divide-y divide-slate-100 md:table-row-group">
          {affected.map((a, i) => (
            <tr key={i} className="block py-2 md:table-row md:py-0 md:hover:bg-slate-50/60">
              <Cell label="Host">
                {a.host ? <span className="font-medium break-all text-slate-900 md:break-normal md:whitespace-nowrap">{a.host}</span> : dash}
              </Cell>
              {showPeers && (
                <Cell label="Seen by">
                  {a.peers?.length ? <span className="text-xs font-medium whitespace-nowrap text-slate-700">{a.peers.join(", ")}</span> : dash}
                </Cell>
              )}
              <Cell label="IP">{a.ip ? <span className="font-mono text-[13px]">{a.ip}</span> : dash}</Cell>
              <Cell label="Port">{a.port != null ? <span className="font-mono text-[13px] tabular-nums">{a.port}</span> : dash}</Cell>
              <Cell label="Service">
                {a.service ? (
                  <span className="inline-flex rounded bg-slate-100 px-1.5 py-0.5 text-xs font-medium whitespace-nowrap text-slate-700">
                    {a.service}
                  </span>
                ) : (
                  dash
                )}
              </Cell>
              <Cell label="Reason" className={`text-slate-700 ${a.certificate ? "md:min-w-72" : "md:min-w-48"}`}>
                {a.reason}
                {a.certificate && (
                  <span className="mt-1 block text-xs text-slate-600" data-testid="presented-certificate" title={a.certificate.fingerprint ?? undefined}>
                    <span className="font-medium text-slate-700">Capture: </span>
                    {a.certificate.summary}
                  </span>
                )}
              </Cell>
              <Cell label="Count" className="tabular-nums md:text-right">
                <span className="font-semibold text-slate-900">{a.count.toLocaleString("en-US")}</span>
              </Cell>
              <Cell label="Seen" className="text-xs whitespace-nowrap text-slate-600 tabular-nums">
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
                        <BundleTime iso={a.lastSeen} />
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
  );
}
