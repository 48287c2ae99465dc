// /analyses/:id/files/:name?line=N – the log viewer: one file of the bundle at any line, for members of
// the analysis's workspace (anyone else: the same 404 as for an unknown id or file).
import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { LogFilePage } from "@/components/log-viewer/log-file-page";
import { getAnalysisForViewer } from "@/lib/access/analysis-access";
import { requirePageViewer } from "@/lib/auth/viewer";

export const dynamic = "force-dynamic";

type Props = {
  params: Promise<{ id: string; name: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
};

const one = (v: string | string[] | undefined) => (typeof v === "string" ? v : null);

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { name } = await params;
  return { title: decodeURIComponent(name).split("/").pop() };
}

export default async function LogFileRoute({ params, searchParams }: Props) {
  const { id, name: raw } = await params;
  const name = decodeURIComponent(raw);
  const query = await searchParams;
  const viewer = await requirePageViewer(`/analyses/${encodeURIComponent(id)}/files/${encodeURIComponent(name)}${query.line ? `?line=${encodeURIComponent(String(query.line))}` : ""}`);
  const view = await getAnalysisForViewer(id, viewer);
  if (!view || !view.bundle.files.some((f) => f.name === name)) notFound();
  const line = Number.parseInt(one(query.line) ?? "1", 10);
  return (
    <LogFilePage
      view={view}
      file={name}
      line={Number.isFinite(line) && line > 0 ? line : 1}
      card={one(query.card)}
      pageBase={`/analyses/${encodeURIComponent(view.id)}`}
      apiBase={`/api/analyses/${encodeURIComponent(view.id)}`}
      readOnly={false}
    />
  );
}
