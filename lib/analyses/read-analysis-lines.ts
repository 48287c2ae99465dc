// GET /api/analyses/:id/files/:name/lines: a page of one file's lines, from any line number.
import { readFileLines, type ViewLine } from "@/lib/bundle/read-indexed-lines";
import { ApiError } from "@/lib/http/api-error";
import { openBundleLines } from "@/lib/analyses/open-bundle-lines";

export const MAX_PAGE_LINES = 1000;

export type FileLinesPage = { file: string; kind: string; total: number; from: number; lines: ViewLine[] };

export async function readAnalysisLines(
  analysis: { id: string; storageKey: string; fileName: string },
  name: string,
  from: number,
  count: number,
): Promise<FileLinesPage> {
  const bundle = await openBundleLines(analysis);
  const file = bundle.file(name);
  if (!file.text) {
    throw new ApiError(415, "not_text", "This file is not text (it looks binary), so it cannot be shown line by line. Download it instead.");
  }
  const page = await readFileLines(bundle.index, bundle.open, file, from, Math.min(count, MAX_PAGE_LINES));
  return { file: file.name, kind: file.kind, total: file.lines, from: page.from, lines: page.lines };
}
