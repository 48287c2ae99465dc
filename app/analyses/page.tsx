// /analyses – every analysis, newest first, with pagination (?page=).
import type { Metadata } from "next";
import { HistoryList } from "@/components/history-list";
import { listAnalyses } from "@/lib/analyses/list-analyses";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "History" };

const PAGE_SIZE = 20;

function pageParam(v: string | string[] | undefined): number {
  const n = Number.parseInt(typeof v === "string" ? v : "1", 10);
  return Number.isFinite(n) && n >= 1 ? Math.min(n, 1_000_000) : 1;
}

export default async function HistoryPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const page = pageParam((await searchParams).page);
  const data = await listAnalyses({ page, pageSize: PAGE_SIZE });
  return <HistoryList data={data} />;
}
