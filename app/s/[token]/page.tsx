// /s/:token – the read-only view a share link opens, without an account: one analysis, or one case
// whose analyses open under /s/:token/analyses/:id. A revoked or expired link says so (and since when)
// instead of showing the generic 404; it never shows what it showed. The token stays out of Referer
// headers sent to linked sites.
import type { Metadata } from "next";
import Link from "next/link";
import { cache } from "react";
import { AnalysisOverview } from "@/components/analysis-overview";
import { CaseOverview } from "@/components/case-overview";
import { LinkGone } from "@/components/link-gone";
import { openShare } from "@/lib/shares/share-links";

export const dynamic = "force-dynamic";

type Props = { params: Promise<{ token: string }> };

// One open per page view: generateMetadata and the page share the read (and the count).
const open = cache((token: string) => openShare(token, { count: true }));

const TITLE = { revoked: "Share link revoked", expired: "Share link expired", unknown: "Link not available" } as const;

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const opened = await open((await params).token);
  const base: Metadata = { referrer: "no-referrer", robots: { index: false, follow: false } };
  if (opened.state !== "active") return { ...base, title: TITLE[opened.state] };
  if ("case" in opened) return { ...base, title: `${opened.case.title} (shared)` };
  return { ...base, title: `${opened.analysis.bundle.host ?? opened.analysis.bundle.fileName} (shared)` };
}

export default async function SharedPage({ params }: Props) {
  const { token } = await params;
  const opened = await open(token);
  const home = (
    <Link href="/" className="btn-secondary">
      Expressway Analyzer
    </Link>
  );
  if (opened.state === "revoked") {
    return (
      <LinkGone kind="revoked" eyebrow="Share link" title="This share link was revoked" at={opened.at} atLabel="Revoked">
        Whoever shared this analysis has turned the link off. If you still need it, ask them for a new link: the analysis may still exist in
        their workspace.
      </LinkGone>
    );
  }
  if (opened.state === "expired") {
    return (
      <LinkGone kind="expired" eyebrow="Share link" title="This share link has expired" at={opened.at} atLabel="Expired">
        The link was made to work for a limited time only. Ask whoever shared it for a new link.
      </LinkGone>
    );
  }
  if (opened.state === "unknown") {
    return (
      <LinkGone kind="unknown" eyebrow="Share link" title="This link does not open anything" actions={home}>
        The address may be incomplete (check that it was copied whole), or what it showed was deleted together with its links.
      </LinkGone>
    );
  }
  const pollUrl = `/api/shared/${encodeURIComponent(token)}`;
  if ("case" in opened) {
    return <CaseOverview key={opened.case.id} initial={opened.case} readOnly pollUrl={pollUrl} analysisBase={`/s/${encodeURIComponent(token)}/analyses/`} />;
  }
  return <AnalysisOverview key={opened.analysis.id} initial={opened.analysis} readOnly shareExpiresAt={opened.expiresAt} pollUrl={pollUrl} apiBase={pollUrl} pageBase={`/s/${encodeURIComponent(token)}`} />;
}
