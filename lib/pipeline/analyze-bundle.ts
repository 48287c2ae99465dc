// The analysis of one uploaded bundle: read it in one streaming pass, parse lines into
// records, combine records into facts, run every signature, and return the validated output.
import { type AnalysisOutput, analysisOutputSchema } from "@/lib/results/types";
import { BundleError } from "@/lib/bundle/bundle-error";
import { hasReadableFiles } from "@/lib/bundle/file-kind";
import { DEFAULT_LIMITS, type Limits } from "@/lib/bundle/limits";
import { type BundleInput, type BundleVisitor, readBundle } from "@/lib/bundle/read-bundle";
import { refusals } from "@/lib/bundle/read-refusals";
import { inFolder } from "@/lib/bundle/peer-folders";
import { createFactsCollector } from "@/lib/facts/collect-facts";
import type { ScanThreadSetting } from "@/lib/scan/log-feed";
import { CATALOG_VERSION, SIGNATURES, runSignatures } from "@/lib/signatures/registry";
import { buildReading } from "@/lib/pipeline/build-reading";
import { consolidateResults } from "@/lib/pipeline/consolidate-results";
import { buildMraRequests } from "@/lib/pipeline/build-mra-requests";
import { buildSipDetail } from "@/lib/pipeline/build-sip-detail";
import { buildUnexplainedWarnings } from "@/lib/pipeline/build-unexplained-warnings";
import { buildCoverage } from "@/lib/pipeline/build-coverage";

export { BundleError, DEFAULT_LIMITS };
export type { Limits };

export type AnalyzeOptions = {
  limits?: Partial<Limits>;
  signal?: AbortSignal;
  /** whether large log files are scanned on a worker thread (default: ANALYZER_SCAN_THREAD, else by size) */
  scanThread?: ScanThreadSetting;
  /** read only this top-level folder (one peer of an archive holding a folder per peer) */
  folder?: string | null;
};

/** The visitor, seeing only the entries inside `folder`; the others are drained unread. */
function onlyFolder(visitor: BundleVisitor, folder: string): BundleVisitor {
  return {
    onFileStart: (file) => (inFolder(file.name, folder) ? visitor.onFileStart?.(file) : false),
    onLine: visitor.onLine && ((file, line, n) => visitor.onLine?.(file, line, n)),
    onBytes: visitor.onBytes && ((file, chunk) => visitor.onBytes?.(file, chunk)),
    onFileEnd: (file, lines) => {
      if (inFolder(file.name, folder)) visitor.onFileEnd?.(file, lines);
    },
  };
}

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
      visitor: options.folder ? onlyFolder(collector.visitor, options.folder) : collector.visitor,
    });
  } finally {
    await collector.close();
  }
  if (options.folder) {
    const folder = options.folder;
    read = { ...read, files: read.files.filter((f) => inFolder(f.name, folder)) };
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
      sip: buildSipDetail(facts.sip),
      coverage: buildCoverage(facts, results),
    },
    calls: facts.sip.counts.calls + facts.sip.counts.registrations > 0 ? facts.sip : undefined,
  });
}
