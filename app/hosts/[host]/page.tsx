// /hosts/:host – the same Expressway's analyses over time with their outcomes (within the workspace).
import type { Metadata } from "next";
import Link from "next/link";
import { HistoryList } from "@/components/history-list";
import { HostTimeline } from "@/components/host-timeline";
import { ChevronRightIcon } from "@/components/icons";
import { listAnalyses } from "@/lib/analyses/list-analyses";
import { requirePageViewer } from "@/lib/auth/viewer";

export const dynamic = "force-dynamic";

type Props = { params: Promise<{ host: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  return { title: decodeURIComponent((await params).host).slice(0, 100) };
}

export default async function HostPage({ params, searchParams }: Props) {
  const host = decodeURIComponent((await params).host).slice(0, 255);
  const viewer = await requirePageViewer(`/hosts/${encodeURIComponent(host)}`);
  const pageRaw = Number.parseInt(String((await searchParams).page ?? "1"), 10);
  const page = Number.isFinite(pageRaw) && pageRaw >= 1 ? Math.min(pageRaw, 1_000_000) : 1;
  const [data, recent] = await Promise.all([
    listAnalyses(viewer.workspace.id, { host, page, pageSize: 20 }),
    listAnalyses(viewer.workspace.id, { host, page: 1, pageSize: 60 }),
  ]);
  return (
    <div className="space-y-4">
      <nav aria-label="Breadcrumb" className="flex min-w-0 items-center gap-1.5 text-sm text-slate-500">
        <Link href="/analyses" className="hover:text-slate-800">
          History
        </Link>
        <ChevronRightIcon className="h-3.5 w-3.5 shrink-0 text-slate-300" />
        <span className="truncate text-slate-700" aria-current="page">
          {host}
        </span>
      </nav>
      <HistoryList
        data={data}
        title={host}
        subtitle={`${data.total} analys${data.total === 1 ? "is" : "es"} of this Expressway in ${viewer.workspace.name}, newest first.`}
        pageHref={(n) => `/hosts/${encodeURIComponent(host)}?page=${n}`}
        hostLinks={false}
        filtered
        before={<HostTimeline items={recent.items} />}
      />
    </div>
  );
}
