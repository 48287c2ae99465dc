// For signature tests: analyse an in-memory bundle and return one signature's result.
import assert from "node:assert/strict";
import { analyzeBundle } from "@/lib/pipeline/analyze-bundle";
import type { AnalysisOutput, SignatureResult } from "@/lib/results/types";
import { type EntrySpec, type ExpresswayFiles, chunked, expresswayBundle, makeTarGz } from "@/tests/fixtures/build-bundle";

export const BUNDLE_NAME = "diagnostic_log_expc1_2024-03-05_09_12_40.tar.gz";

export async function analyze(files: ExpresswayFiles | EntrySpec[]): Promise<AnalysisOutput> {
  const buf = Array.isArray(files) ? await makeTarGz(files) : await expresswayBundle(files);
  return analyzeBundle(chunked(buf), BUNDLE_NAME);
}

export async function resultOf(id: string, files: ExpresswayFiles | EntrySpec[]): Promise<SignatureResult> {
  const out = await analyze(files);
  const r = out.results.find((x) => x.signatureId === id);
  assert.ok(r, `signature ${id} ran`);
  return r;
}
