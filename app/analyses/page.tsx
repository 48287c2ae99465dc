// /analyses – the workspace's analyses, newest first, with search, filters and pagination (all in the URL).
import type { Metadata } from "next";
import { DeletedNotice } from "@/components/deleted-notice";
import { HistoryFilters } from "@/components/history-filters";
import { HistoryList } from "@/components/history-list";
import { listAnalyses, listVersions, parseListQuery, type ListQuery } from "@/lib/analyses/list-analyses";
import { requirePageViewer } from "@/lib/auth/viewer";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "History" };

const PAGE_SIZE = 20;

export default async function HistoryPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const params = await searchParams;
  const viewer = await requirePageViewer("/analyses");
  const parsed = parseListQuery(params);
  // A hand-edited URL with a bad value shows everything rather than an error page.
  const query: Partial<ListQuery> = parsed.success ? parsed.data : {};
  const page = Math.min(query.page ?? 1, 1_000_000);
  const [data, versions] = await Promise.all([
    listAnalyses(viewer.workspace.id, { ...query, page, pageSize: PAGE_SIZE }),
    listVersions(viewer.workspace.id),
  ]);
  const keep = Object.entries({ q: query.q, outcome: query.outcome, version: query.version, from: query.from, to: query.to }).filter(
    (e): e is [string, string] => Boolean(e[1]),
  );
  const pageHref = (n: number) => `/analyses?${new URLSearchParams([...keep, ["page", String(n)]])}`;
  return (
    <HistoryList
      data={data}
      subtitle={
        <>
          Every bundle analyzed in <span className="font-medium text-slate-700">{viewer.workspace.name}</span>, newest first.
        </>
      }
      pageHref={pageHref}
      filtered={keep.length > 0}
      filters={<HistoryFilters query={query} versions={versions} />}
      before={<DeletedNotice />}
    />
  );
}
