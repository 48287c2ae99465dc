// /s/:token – the read-only view a share link opens, without an account: one analysis, or one case
// whose analyses open under /s/:token/analyses/:id. Unknown, expired and revoked links get the plain
// 404. The token stays out of Referer headers sent to linked sites.
import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { cache } from "react";
import { AnalysisOverview } from "@/components/analysis-overview";
import { CaseOverview } from "@/components/case-overview";
import { openShare } from "@/lib/shares/share-links";

export const dynamic = "force-dynamic";

type Props = { params: Promise<{ token: string }> };

// One open per page view: generateMetadata and the page share the read (and the count).
const open = cache((token: string) => openShare(token, { count: true }));

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const opened = await open((await params).token);
  const base: Metadata = { referrer: "no-referrer", robots: { index: false, follow: false } };
  if (!opened) return { ...base, title: "Link not available" };
  if ("case" in opened) return { ...base, title: `${opened.case.title} (shared)` };
  return { ...base, title: `${opened.analysis.bundle.host ?? opened.analysis.bundle.fileName} (shared)` };
}

export default async function SharedPage({ params }: Props) {
  const { token } = await params;
  const opened = await open(token);
  if (!opened) notFound();
  const pollUrl = `/api/shared/${encodeURIComponent(token)}`;
  if ("case" in opened) {
    return <CaseOverview key={opened.case.id} initial={opened.case} readOnly pollUrl={pollUrl} analysisBase={`/s/${encodeURIComponent(token)}/analyses/`} />;
  }
  return <AnalysisOverview key={opened.analysis.id} initial={opened.analysis} readOnly pollUrl={pollUrl} />;
}
