// The messages between the worker and its analyzer process (lib/worker/analyzer-client.ts forks
// lib/worker/analyzer-process.ts): one request, one response, over node's IPC channel; then, for a
// request with `lineIndex`, RESULTS_STORED tells the process to build the line index (its last step).
import type { Limits } from "@/lib/bundle/limits";
import type { StoredObject } from "@/lib/platform/storage/storage";
import type { AnalysisOutput } from "@/lib/results/types";
import type { LineIndexRequest } from "@/lib/worker/store-line-index";

export type ChildRequest = {
  object: StoredObject;
  fileName: string;
  limits: Partial<Limits>;
  /** read only that top-level folder of the bundle (one peer of an archive holding a folder per peer) */
  folder?: string | null;
  /** where to store the bundle's line index once the results are stored (lib/worker/store-line-index.ts) */
  lineIndex?: LineIndexRequest;
};
export type AnalyzerStats = { ms: number; peakRssBytes: number };
export type ChildResponse =
  | { ok: true; output: AnalysisOutput; stats: AnalyzerStats }
  | { ok: false; bundleError: { code: string; message: string } }
  | { ok: false; crash: string };

/** The worker to the process that answered: the results are in the database, the index may be built now. */
export const RESULTS_STORED = "results-stored";
