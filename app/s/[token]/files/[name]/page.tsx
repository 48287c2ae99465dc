// /s/:token/files/:name?line=N – the log viewer for a share link: read-only, no account, the same 404 for
// unknown, expired and revoked links. The token stays out of Referer headers.
import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { LogFilePage } from "@/components/log-viewer/log-file-page";
import { openShare } from "@/lib/shares/share-links";

export const dynamic = "force-dynamic";

type Props = {
  params: Promise<{ token: string; name: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
};

const one = (v: string | string[] | undefined) => (typeof v === "string" ? v : null);

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { name } = await params;
  return { title: `${decodeURIComponent(name).split("/").pop()} (shared)`, referrer: "no-referrer", robots: { index: false, follow: false } };
}

export default async function SharedLogFileRoute({ params, searchParams }: Props) {
  const { token, name: raw } = await params;
  const name = decodeURIComponent(raw);
  const query = await searchParams;
  // Reading a file is not an open of the link (the overview counts those).
  const opened = await openShare(token, { count: false });
  const view = opened.state === "active" && "analysis" in opened ? opened.analysis : null;
  if (!view || !view.bundle.files.some((f) => f.name === name)) notFound();
  const line = Number.parseInt(one(query.line) ?? "1", 10);
  return (
    <LogFilePage
      view={view}
      file={name}
      line={Number.isFinite(line) && line > 0 ? line : 1}
      card={one(query.card)}
      pageBase={`/s/${encodeURIComponent(token)}`}
      apiBase={`/api/shared/${encodeURIComponent(token)}`}
      readOnly
    />
  );
}
