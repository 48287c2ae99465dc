// The messages between the worker and its analyzer process (lib/worker/analyzer-client.ts forks
// lib/worker/analyzer-process.ts): one request, one response, over node's IPC channel.
import type { Limits } from "@/lib/bundle/limits";
import type { StoredObject } from "@/lib/platform/storage/storage";
import type { AnalysisOutput } from "@/lib/results/types";

/** `folder`: read only that top-level folder of the bundle (one peer of an archive holding a folder per peer). */
export type ChildRequest = { object: StoredObject; fileName: string; limits: Partial<Limits>; folder?: string | null };
export type AnalyzerStats = { ms: number; peakRssBytes: number };
export type ChildResponse =
  | { ok: true; output: AnalysisOutput; stats: AnalyzerStats }
  | { ok: false; bundleError: { code: string; message: string } }
  | { ok: false; crash: string };
