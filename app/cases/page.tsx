// /cases – the workspace's cases (bundles of one incident analysed together), newest first.
import type { Metadata } from "next";
import Link from "next/link";
import { StatusBadge } from "@/components/badges";
import { LocalTime } from "@/components/local-time";
import { requirePageViewer } from "@/lib/auth/viewer";
import { listCases } from "@/lib/cases/list-cases";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Cases" };

export default async function CasesPage() {
  const viewer = await requirePageViewer("/cases");
  const { items } = await listCases(viewer.workspace.id);
  return (
    <div className="space-y-4">
      <div>
        <h1 className="text-xl font-semibold tracking-tight text-slate-900 sm:text-2xl">Cases</h1>
        <p className="mt-1 text-sm text-slate-600">
          Bundles of one incident analysed together (cluster peers, Expressway-E and -C). Drop several bundles at once on the{" "}
          <Link href="/" className="link">
            Analyze
          </Link>{" "}
          page to make one.
        </p>
      </div>
      {items.length === 0 ? (
        <div className="card px-6 py-12 text-center text-sm text-slate-600" data-testid="cases-empty">
          No case in {viewer.workspace.name} yet.
        </div>
      ) : (
        <ul className="card divide-y divide-slate-100" data-testid="case-list">
          {items.map((c) => (
            <li key={c.id} className="relative flex flex-wrap items-center gap-x-4 gap-y-1 px-5 py-3 hover:bg-slate-50" data-testid="case-row">
              <div className="min-w-0 flex-1">
                <Link href={c.url} className="block truncate font-medium text-slate-900 after:absolute after:inset-0 hover:text-brand-700">
                  {c.title}
                </Link>
                <span className="block truncate text-xs text-slate-500">
                  {c.analysisCount} bundle{c.analysisCount === 1 ? "" : "s"}
                  {c.hosts.length > 0 && ` · ${c.hosts.join(", ")}`}
                </span>
              </div>
              <StatusBadge status={c.status} />
              <span className="text-xs text-slate-500 tabular-nums">
                <LocalTime iso={c.createdAt} />
              </span>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
