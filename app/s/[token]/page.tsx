// /s/:token – the read-only view a share link opens, without an account. Unknown, expired and revoked
// links get the plain 404. The token stays out of Referer headers sent to linked sites.
import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { cache } from "react";
import { AnalysisOverview } from "@/components/analysis-overview";
import { openShareLink } from "@/lib/shares/share-links";

export const dynamic = "force-dynamic";

type Props = { params: Promise<{ token: string }> };

// One open per page view: generateMetadata and the page share the read (and the count).
const open = cache((token: string) => openShareLink(token, { count: true }));

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const view = await open((await params).token);
  const base: Metadata = { referrer: "no-referrer", robots: { index: false, follow: false } };
  if (!view) return { ...base, title: "Link not available" };
  return { ...base, title: `${view.bundle.host ?? view.bundle.fileName} (shared)` };
}

export default async function SharedAnalysisPage({ params }: Props) {
  const { token } = await params;
  const view = await open(token);
  if (!view) notFound();
  const api = `/api/shared/${encodeURIComponent(token)}`;
  return <AnalysisOverview key={view.id} initial={view} readOnly pollUrl={api} apiBase={api} pageBase={`/s/${encodeURIComponent(token)}`} />;
}
