// /analyses/:id – the diagnostic overview of one uploaded bundle, for members of its workspace. Anyone
// else gets the same 404 as for an id that does not exist.
import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { cache } from "react";
import { AnalysisOverview } from "@/components/analysis-overview";
import { DeleteAnalysisButton } from "@/components/delete-analysis-button";
import { ShareLinksPanel } from "@/components/share-links-panel";
import { findAnalysisForViewer, getAnalysisForViewer } from "@/lib/access/analysis-access";
import { canManage, getPageViewer, requirePageViewer } from "@/lib/auth/viewer";

export const dynamic = "force-dynamic";

type Props = {
  params: Promise<{ id: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
};

// generateMetadata and the page share one read per request
const load = cache(async (id: string) => {
  const viewer = await getPageViewer();
  if (!viewer) return null;
  const [view, row] = await Promise.all([getAnalysisForViewer(id, viewer), findAnalysisForViewer(id, viewer)]);
  return view && row ? { view, manage: canManage(viewer, row) } : null;
});

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const loaded = await load((await params).id);
  if (!loaded) return { title: "Analysis not found" };
  const { view } = loaded;
  const host = view.bundle.host ?? view.bundle.fileName;
  if (view.status !== "done") return { title: `${host} (${view.status})` };
  return { title: `${host}: ${view.counts.issue} issue${view.counts.issue === 1 ? "" : "s"}` };
}

export default async function AnalysisPage({ params, searchParams }: Props) {
  const { id } = await params;
  await requirePageViewer(`/analyses/${encodeURIComponent(id)}`);
  const loaded = await load(id);
  if (!loaded) notFound();
  const { view, manage } = loaded;
  const tab = (await searchParams).tab;
  return (
    <AnalysisOverview
      key={view.id}
      initial={view}
      initialTab={typeof tab === "string" ? tab : null}
      pageBase={`/analyses/${encodeURIComponent(view.id)}`}
      apiBase={`/api/analyses/${encodeURIComponent(view.id)}`}
      actions={manage ? <DeleteAnalysisButton id={view.id} name={view.bundle.fileName} /> : null}
    >
      <ShareLinksPanel analysisId={view.id} canManage={manage} />
    </AnalysisOverview>
  );
}
