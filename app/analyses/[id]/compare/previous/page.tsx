// /analyses/:id/compare/previous – from the history: compares with the same Expressway's analysis
// collected just before, or says there is none.
import type { Metadata } from "next";
import Link from "next/link";
import { notFound, redirect } from "next/navigation";
import { analysisScope } from "@/lib/access/analysis-access";
import { findPreviousAnalysis } from "@/lib/analyses/find-previous-analysis";
import { requirePageViewer } from "@/lib/auth/viewer";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Compare" };

export default async function ComparePreviousPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const viewer = await requirePageViewer(`/analyses/${encodeURIComponent(id)}/compare/previous`);
  const found = await findPreviousAnalysis(id, analysisScope(viewer));
  if (!found) notFound();
  if (found.id) redirect(`/analyses/${encodeURIComponent(id)}/compare/${encodeURIComponent(found.id)}`);
  return (
    <div className="card space-y-2 px-6 py-10 text-center text-sm text-slate-600" data-testid="compare-none">
      <p>{found.host ? `No earlier finished analysis of ${found.host} to compare with.` : "This bundle names no host, so there is no earlier analysis of it to compare with."}</p>
      <p>
        <Link href={`/analyses/${encodeURIComponent(id)}`} className="link">
          Back to the analysis
        </Link>
      </p>
    </div>
  );
}
