// The handlers behind the log viewer, downloads and reports, shared by the member routes
// (/api/analyses/:id/...) and the share-link routes (/api/shared/:token/...): each route file resolves
// who may read which analysis, these do the rest.
import { Readable } from "node:stream";
import { NextResponse, type NextRequest } from "next/server";
import { z } from "zod";
import type { Analysis } from "@/lib/generated/prisma/client";
import { analysisNotFound, findAnalysisForViewer, getAnalysisForViewer } from "@/lib/access/analysis-access";
import { buildAnalysisReportMarkdown } from "@/lib/analyses/build-analysis-report";
import { getAnalysis } from "@/lib/analyses/get-analysis";
import { bundleGone, openBundleLines } from "@/lib/analyses/open-bundle-lines";
import { readAnalysisLines } from "@/lib/analyses/read-analysis-lines";
import { renderReportPdf } from "@/lib/analyses/render-report-pdf";
import { searchAnalysisLines, searchQuerySchema } from "@/lib/analyses/search-analysis-lines";
import { requireViewer } from "@/lib/auth/viewer";
import { baseName } from "@/lib/bundle/file-kind";
import { decompressedRange } from "@/lib/bundle/read-indexed-lines";
import { getServices } from "@/lib/platform/services";
import { findSharedAnalysis } from "@/lib/shares/share-links";
import { isMissingObject } from "@/lib/platform/storage/storage";
import { sharedNotFound } from "@/app/api/_handlers/shared";

export type AnalysisRef = { id: string } | { token: string };

const NO_STORE = { "Cache-Control": "no-store" };

/** The analysis row the request may read: a member's (session or token) or a share link's. */
export async function readableAnalysis(request: NextRequest, ref: AnalysisRef): Promise<Analysis> {
  if ("token" in ref) {
    const row = await findSharedAnalysis(ref.token);
    if (!row) throw sharedNotFound();
    return row;
  }
  const viewer = await requireViewer(request);
  const row = await findAnalysisForViewer(ref.id, viewer);
  if (!row) throw analysisNotFound();
  return row;
}

const linesQuerySchema = z.object({
  from: z.coerce.number().int().min(1).default(1),
  count: z.coerce.number().int().min(1).max(1000).default(200),
});

const query = (request: NextRequest) => Object.fromEntries(request.nextUrl.searchParams);

// GET …/files/:name/lines?from=&count= – { file, kind, total, from, lines: [{ n, text, truncated?, bytes? }] }
export async function fileLinesResponse(request: NextRequest, analysis: Analysis, name: string): Promise<Response> {
  const { from, count } = linesQuerySchema.parse(query(request));
  return NextResponse.json(await readAnalysisLines(analysis, name, from, count), { headers: NO_STORE });
}

// GET …/files/:name/search?q=&regex=&case=&from=&dir=&limit=&level=&process=&module= – NDJSON
export async function fileSearchResponse(request: NextRequest, analysis: Analysis, name: string): Promise<Response> {
  const q = searchQuerySchema.parse(query(request));
  const stream = await searchAnalysisLines(analysis, name, q);
  return new Response(stream, { headers: { ...NO_STORE, "Content-Type": "application/x-ndjson; charset=utf-8", "X-Content-Type-Options": "nosniff" } });
}

/** `attachment; filename=…` with an ASCII fallback and the UTF-8 name (RFC 6266). */
function attachment(name: string): string {
  const ascii = name.replace(/[^\x20-\x7e]/g, "_").replace(/["\\]/g, "_");
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(name)}`;
}

const download = (name: string, type: string, length?: number) => ({
  ...NO_STORE,
  "Content-Type": type,
  "Content-Disposition": attachment(name),
  "X-Content-Type-Options": "nosniff",
  ...(length !== undefined ? { "Content-Length": String(length) } : {}),
});

// GET /api/analyses/:id/files/:name – one file of the bundle, as it is inside it
export async function fileDownloadResponse(analysis: Analysis, name: string): Promise<Response> {
  const bundle = await openBundleLines(analysis);
  const file = bundle.file(name);
  const body = Readable.toWeb(Readable.from(decompressedRange(bundle.index, bundle.open, file.offset, file.size))) as ReadableStream<Uint8Array>;
  return new Response(body, { headers: download(baseName(file.name), "application/octet-stream", file.size) });
}

// GET /api/analyses/:id/bundle – the uploaded bundle, the same bytes
export async function bundleDownloadResponse(analysis: Analysis): Promise<Response> {
  const { storage } = getServices();
  let stream;
  try {
    stream = await storage.openFrom(analysis.storageKey);
  } catch (err) {
    throw isMissingObject(err) ? bundleGone() : err;
  }
  return new Response(Readable.toWeb(stream) as ReadableStream<Uint8Array>, { headers: download(analysis.fileName, "application/octet-stream", Number(analysis.size)) });
}

async function viewOf(request: NextRequest, ref: AnalysisRef, analysis: Analysis) {
  const view = "token" in ref ? await getAnalysis(analysis.id, {}) : await getAnalysisForViewer(analysis.id, await requireViewer(request));
  if (!view) throw "token" in ref ? sharedNotFound() : analysisNotFound();
  return view;
}

const reportName = (analysis: Analysis, ext: string) => `${(analysis.host ?? analysis.fileName).replace(/\.tar\.gz$|\.tgz$|\.gz$/i, "")}-report.${ext}`;

// GET /api/analyses/:id/analysis.json – what GET /api/analyses/:id returns, as a file
export async function analysisJsonResponse(request: NextRequest, ref: AnalysisRef, analysis: Analysis): Promise<Response> {
  const view = await viewOf(request, ref, analysis);
  return new Response(JSON.stringify(view, null, 2), { headers: download(reportName(analysis, "json").replace("-report.", "-analysis."), "application/json; charset=utf-8") });
}

// GET /api/analyses/:id/report.md
export async function reportMarkdownResponse(request: NextRequest, ref: AnalysisRef, analysis: Analysis): Promise<Response> {
  const view = await viewOf(request, ref, analysis);
  return new Response(buildAnalysisReportMarkdown(view), { headers: download(reportName(analysis, "md"), "text/markdown; charset=utf-8") });
}

// GET /api/analyses/:id/report.pdf
export async function reportPdfResponse(request: NextRequest, ref: AnalysisRef, analysis: Analysis): Promise<Response> {
  const view = await viewOf(request, ref, analysis);
  const pdf = await renderReportPdf(view);
  return new Response(new Uint8Array(pdf), { headers: download(reportName(analysis, "pdf"), "application/pdf", pdf.length) });
}
