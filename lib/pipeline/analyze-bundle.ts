// The analysis of one uploaded bundle: read it in one streaming pass, parse lines into
// records, combine records into facts, run every signature, and return the validated output.
import { type AnalysisOutput, analysisOutputSchema } from "@/lib/results/types";
import { BundleError } from "@/lib/bundle/bundle-error";
import { hasReadableFiles } from "@/lib/bundle/file-kind";
import { DEFAULT_LIMITS, type Limits } from "@/lib/bundle/limits";
import { type BundleInput, readBundle } from "@/lib/bundle/read-bundle";
import { refusals } from "@/lib/bundle/read-refusals";
import { createFactsCollector } from "@/lib/facts/collect-facts";
import type { ScanThreadSetting } from "@/lib/scan/log-feed";
import { CATALOG_VERSION, SIGNATURES, runSignatures } from "@/lib/signatures/registry";
import { buildReading } from "@/lib/pipeline/build-reading";
import { consolidateResults } from "@/lib/pipeline/consolidate-results";
import { buildMraRequests } from "@/lib/pipeline/build-mra-requests";
import { buildUnexplainedWarnings } from "@/lib/pipeline/build-unexplained-warnings";
import { buildCoverage } from "@/lib/pipeline/build-coverage";

export { BundleError, DEFAULT_LIMITS };
export type { Limits };

export type AnalyzeOptions = {
  limits?: Partial<Limits>;
  signal?: AbortSignal;
  /** whether large log files are scanned on a worker thread (default: ANALYZER_SCAN_THREAD, else by size) */
  scanThread?: ScanThreadSetting;
};

export async function analyzeBundle(
  input: NodeJS.ReadableStream | AsyncIterable<Buffer>,
  fileName: string,
  options: AnalyzeOptions = {},
): Promise<AnalysisOutput> {
  const collector = createFactsCollector({ scanThread: options.scanThread });
  let read;
  try {
    read = await readBundle(input as BundleInput, fileName, {
      limits: options.limits,
      signal: options.signal,
      visitor: collector.visitor,
    });
  } finally {
    await collector.close();
  }

  if (!hasReadableFiles(read.files)) {
    const refusal = refusals.noExpresswayFiles(read.files);
    throw new BundleError(refusal.code, refusal.message);
  }

  const facts = collector.finish(read, fileName);
  if (options.signal?.aborted) throw new BundleError("aborted", "The analysis was cancelled.");

  const results = consolidateResults(runSignatures(facts), SIGNATURES, facts.identity);
  return analysisOutputSchema.parse({
    catalogVersion: CATALOG_VERSION,
    bundle: {
      host: facts.host,
      product: facts.product,
      version: facts.version?.value ?? null,
      files: facts.files,
      timeRange: facts.timeRange,
      notes: facts.notes,
      lineCount: facts.lineCount,
      reading: buildReading(facts),
      ...(read.partial ? { partial: read.partial } : {}),
      identity: { name: facts.identity.name, series: facts.identity.series, role: facts.identity.role, decidedBy: facts.identity.decidedBy },
    },
    results,
    details: {
      // Only bundles with a capture or certificate files get a certificates view.
      tls: facts.tls && (facts.tls.captureFiles.length > 0 || facts.tls.trustStoreFiles.length > 0 || facts.tls.serverCertificateFiles.length > 0) ? facts.tls.details : undefined,
      mraRequests: buildMraRequests(facts),
      unexplainedWarnings: buildUnexplainedWarnings(facts, SIGNATURES),
      coverage: buildCoverage(facts, results),
    },
  });
}
