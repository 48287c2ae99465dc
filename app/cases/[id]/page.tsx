// /cases/:id – the bundles of one incident viewed together, for members of its workspace. Anyone else
// gets the same 404 as for an id that does not exist.
import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { cache } from "react";
import { CaseOverview } from "@/components/case-overview";
import { DeleteCaseButton } from "@/components/delete-case-button";
import { ShareLinksPanel } from "@/components/share-links-panel";
import { findCaseForViewer, getCaseForViewer } from "@/lib/access/case-access";
import { canManage, getPageViewer, requirePageViewer } from "@/lib/auth/viewer";

export const dynamic = "force-dynamic";

type Props = { params: Promise<{ id: string }> };

// generateMetadata and the page share one read per request
const load = cache(async (id: string) => {
  const viewer = await getPageViewer();
  if (!viewer) return null;
  const [view, row] = await Promise.all([getCaseForViewer(id, viewer), findCaseForViewer(id, viewer)]);
  return view && row ? { view, manage: canManage(viewer, row) } : null;
});

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const loaded = await load((await params).id);
  if (!loaded) return { title: "Case not found" };
  const { view } = loaded;
  return { title: view.status === "done" ? `${view.title}: ${view.counts.issue} issue${view.counts.issue === 1 ? "" : "s"}` : `${view.title} (${view.status})` };
}

export default async function CasePage({ params }: Props) {
  const { id } = await params;
  await requirePageViewer(`/cases/${encodeURIComponent(id)}`);
  const loaded = await load(id);
  if (!loaded) notFound();
  const { view, manage } = loaded;
  return (
    <CaseOverview key={view.id} initial={view} actions={manage ? <DeleteCaseButton id={view.id} title={view.title} bundles={view.analyses.length} /> : null}>
      <ShareLinksPanel caseId={view.id} canManage={manage} />
    </CaseOverview>
  );
}
