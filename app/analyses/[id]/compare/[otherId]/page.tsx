// /analyses/:id/compare/:otherId – before and after: two analyses of the workspace compared by
// signature (reached from the host timeline's "compare with previous" and from the history).
import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { CompareView } from "@/components/compare-view";
import { getAnalysisForViewer } from "@/lib/access/analysis-access";
import { requirePageViewer } from "@/lib/auth/viewer";
import { compareAnalyses } from "@/lib/cases/compare-analyses";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Compare" };

type Props = { params: Promise<{ id: string; otherId: string }> };

export default async function ComparePage({ params }: Props) {
  const { id, otherId } = await params;
  const viewer = await requirePageViewer(`/analyses/${encodeURIComponent(id)}/compare/${encodeURIComponent(otherId)}`);
  const [one, other] = await Promise.all([getAnalysisForViewer(id, viewer), getAnalysisForViewer(otherId, viewer)]);
  if (!one || !other) notFound();
  const pending = [one, other].filter((a) => a.status !== "done");
  if (pending.length) {
    return (
      <div className="card space-y-2 px-6 py-10 text-center text-sm text-slate-600" data-testid="compare-pending">
        <p>Both analyses must be done to be compared.</p>
        <p>
          {pending.map((a) => (
            <Link key={a.id} href={a.url} className="link mx-1">
              {a.bundle.host ?? a.bundle.fileName} ({a.status})
            </Link>
          ))}
        </p>
      </div>
    );
  }
  return <CompareView compare={compareAnalyses(one, other)} />;
}
