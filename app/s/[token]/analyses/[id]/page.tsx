// /s/:token/analyses/:id – one analysis of a shared case, read-only, through the case's link. An
// analysis outside that case, or a dead link, gets the plain 404.
import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { AnalysisOverview } from "@/components/analysis-overview";
import { openSharedCaseAnalysis } from "@/lib/shares/share-links";

export const dynamic = "force-dynamic";

type Props = { params: Promise<{ token: string; id: string }> };

export const metadata: Metadata = { referrer: "no-referrer", robots: { index: false, follow: false }, title: "Shared analysis" };

export default async function SharedCaseAnalysisPage({ params }: Props) {
  const { token, id } = await params;
  const view = await openSharedCaseAnalysis(token, id);
  if (!view) notFound();
  return (
    <AnalysisOverview
      key={view.id}
      initial={view}
      readOnly
      pollUrl={`/api/shared/${encodeURIComponent(token)}/analyses/${encodeURIComponent(id)}`}
    />
  );
}
