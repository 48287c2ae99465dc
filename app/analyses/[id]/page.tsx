// /analyses/:id – the diagnostic overview of one uploaded bundle.
import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { cache } from "react";
import { AnalysisOverview } from "@/components/analysis-overview";
import { getAnalysis } from "@/lib/analyses/get-analysis";

export const dynamic = "force-dynamic";

type Props = {
  params: Promise<{ id: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
};

// generateMetadata and the page share one read per request
const load = cache((id: string) => getAnalysis(id));

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { id } = await params;
  const view = await load(id);
  if (!view) return { title: "Analysis not found" };
  const host = view.bundle.host ?? view.bundle.fileName;
  if (view.status !== "done") return { title: `${host} (${view.status})` };
  return { title: `${host}: ${view.counts.issue} issue${view.counts.issue === 1 ? "" : "s"}` };
}

export default async function AnalysisPage({ params, searchParams }: Props) {
  const { id } = await params;
  const view = await load(id);
  if (!view) notFound();
  const tab = (await searchParams).tab;
  return <AnalysisOverview key={view.id} initial={view} initialTab={typeof tab === "string" ? tab : null} />;
}
