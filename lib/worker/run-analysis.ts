// The job: read a stored bundle, run the pipeline, store the results. All results and the final status
// are written in one transaction, so a page never sees half an analysis, and a rerun (a retry after a
// worker died) replaces what an earlier attempt wrote instead of adding to it.
import { randomBytes } from "node:crypto";
import { peerFolders } from "@/lib/bundle/peer-folders";
import type { Analysis } from "@/lib/generated/prisma/client";
import { enqueueAnalysis } from "@/lib/platform/queue";
import { analysisOutputSchema, type AnalysisOutput, type Outcome } from "@/lib/results/types";
import { AnalyzerCrash, analyzeInChild } from "@/lib/worker/analyzer-client";
import type { AnalyzerStats } from "@/lib/worker/protocol";
import { getServices } from "@/lib/platform/services";
import { lineIndexKey } from "@/lib/platform/storage/storage";
import { storeCalls } from "@/lib/worker/store-calls";
import { storable } from "@/lib/results/storable";

export type RunOutcome = "done" | "failed" | "skipped";

export async function runAnalysis(
  analysisId: string,
  opts: { signal?: AbortSignal; finalAttempt?: boolean; reanalyze?: boolean } = {},
): Promise<RunOutcome> {
  const { db, storage, config } = getServices();
  const { prisma } = db;
  const analysis = await prisma.analysis.findUnique({ where: { id: analysisId } });
  // Deleted meanwhile, or finished by an earlier attempt whose completion was not recorded by the queue.
  // A re-analysis job runs a finished analysis on purpose (its request set it back to queued, but a
  // retried job must not be skipped because an earlier attempt already finished it).
  if (!analysis || (!opts.reanalyze && (analysis.status === "done" || analysis.status === "failed"))) return "skipped";

  await prisma.analysis.update({
    where: { id: analysisId },
    data: { status: "running", startedAt: new Date(), attempts: { increment: 1 } },
  });

  let output: AnalysisOutput;
  let stats: AnalyzerStats;
  try {
    const answer = await analyzeInChild(
      {
        object: storage.locate(analysis.storageKey),
        fileName: analysis.fileName,
        folder: analysis.peerFolder,
        lineIndex: { bundleKey: analysis.storageKey, indexKey: lineIndexKey(analysis.storageKey) },
        limits: {
          maxDecompressedBytes: config.MAX_DECOMPRESSED_BYTES,
          maxEntries: config.MAX_ENTRIES,
          maxLineBytes: config.MAX_LINE_BYTES,
        },
      },
      { signal: opts.signal, heapMiB: config.ANALYZER_HEAP_MIB },
    );
    if (!answer.ok) {
      await markFailed(analysisId, answer.bundleError.code, answer.bundleError.message);
      return "failed";
    }
    output = storable(analysisOutputSchema.parse(answer.output));
    stats = answer.stats;
  } catch (err) {
    if (opts.signal?.aborted) {
      await markFailed(analysisId, "timeout", "The analysis took too long and was stopped.");
      return "failed";
    }
    // The analyzer process crashed (or ran out of memory): let the queue retry it on a fresh process,
    // but never leave the analysis stuck in `running`.
    const message = err instanceof AnalyzerCrash ? err.message : String((err as Error)?.stack ?? err);
    console.error(`[worker] analysis ${analysisId} attempt failed: ${message}`);
    if (opts.finalAttempt) {
      await markFailed(analysisId, "analyzer_crashed", "The analyzer stopped on this bundle (it crashed or ran out of memory) on every attempt. The failure has been logged.");
      return "failed";
    }
    await prisma.analysis.update({ where: { id: analysisId }, data: { status: "queued" } });
    throw err;
  }

  // An archive holding one folder per peer, uploaded into a case: one analysis per peer instead.
  if (analysis.splitPeers && !analysis.peerFolder) {
    const folders = peerFolders(output.bundle.files);
    if (folders.length >= 2) {
      const split = await splitIntoPeers(analysis.id, folders);
      if (split === "failed") return "failed";
      if (split === "split") return runAnalysis(analysisId, opts);
    }
  }

  try {
    await storeResults(analysisId, output, stats);
  } catch (err) {
    // Never left `running`: the queue retries on a fresh attempt, the last one marks the analysis failed.
    // (the error's name and code only: a database's message can quote the rows, which hold bundle content)
    const code = (err as { code?: unknown })?.code;
    console.error(`[worker] analysis ${analysisId}: storing the results failed: ${(err as Error)?.name ?? "Error"}${typeof code === "string" ? ` ${code.slice(0, 20)}` : ""}`);
    if (opts.finalAttempt) {
      await markFailed(analysisId, "store_failed", "The analysis finished but its results could not be stored, on every attempt. The failure has been logged.");
      return "failed";
    }
    await prisma.analysis.update({ where: { id: analysisId }, data: { status: "queued" } });
    throw err;
  }
  return "done";
}

/** The results, details, calls and the analysis's own row, in one transaction. */
async function storeResults(analysisId: string, output: AnalysisOutput, stats: AnalyzerStats): Promise<void> {
  const { prisma } = getServices().db;
  const { bundle } = output;
  // Checks folded into another card are shown inside it: the counts are of cards.
  const count = (o: Outcome) => output.results.filter((r) => r.outcome === o && !r.partOf).length;
  await prisma.$transaction(async (tx) => {
    await tx.result.deleteMany({ where: { analysisId } });
    await tx.result.createMany({
      data: output.results.map((r, position) => ({
        analysisId,
        position,
        signatureId: r.signatureId,
        signatureVersion: r.signatureVersion,
        defects: r.defects,
        title: r.title,
        outcome: r.outcome,
        severity: r.severity,
        description: r.description,
        condition: r.condition,
        furtherInformation: r.furtherInformation,
        action: r.action,
        affected: r.affected,
        evidence: r.evidence,
        references: r.references,
        related: r.related ?? [],
        partOf: r.partOf ?? null,
      })),
    });
    // The details are most of what is written (~650 KB of JSON for a busy bundle): handed over as one
    // string they are stored in half the time Prisma's Json input takes, which walks every value.
    await tx.$executeRaw`UPDATE "Analysis" SET "details" = ${JSON.stringify(output.details)}::jsonb WHERE "id" = ${analysisId}`;
    await storeCalls(tx, analysisId, output.calls);
    // Last, so finishedAt is when the results are stored, not when storing them began.
    await tx.analysis.update({
      where: { id: analysisId },
      data: {
        status: "done",
        errorCode: null,
        errorMessage: null,
        finishedAt: new Date(),
        host: bundle.host,
        product: bundle.product,
        version: bundle.version,
        logStart: bundle.timeRange?.start ?? null,
        logEnd: bundle.timeRange?.end ?? null,
        files: bundle.files,
        notes: bundle.notes,
        lineCount: bundle.lineCount,
        identity: bundle.identity ?? undefined,
        reading: bundle.reading ?? undefined,
        partial: bundle.partial ?? undefined,
        stats: { analysisMs: stats.ms, peakRssBytes: stats.peakRssBytes },
        catalogVersion: output.catalogVersion,
        issueCount: count("issue"),
        potentialCount: count("potential"),
        missingCount: count("missing"),
        naCount: count("not_applicable"),
        okCount: count("ok"),
      },
    });
  });
}

/**
 * This analysis becomes the first peer's; a new one (same stored bundle, same case) is queued for each
 * other peer. "kept": not in a case (any more), analysed whole as uploaded.
 */
async function splitIntoPeers(analysisId: string, folders: string[]): Promise<"split" | "kept" | "failed"> {
  const { db, boss, config } = getServices();
  const { prisma } = db;
  // Read again: a multipart upload files its first bundle in the case only when the second arrives.
  const a: Analysis | null = await prisma.analysis.findUnique({ where: { id: analysisId } });
  if (!a?.caseId) return "kept";
  const held = await prisma.analysis.count({ where: { caseId: a.caseId } });
  if (held - 1 + folders.length > config.MAX_CASE_BUNDLES) {
    await markFailed(
      analysisId,
      "too_many_bundles",
      `This archive holds ${folders.length} peer folders; analysed one per peer they would make the case hold more than ${config.MAX_CASE_BUNDLES} bundles (MAX_CASE_BUNDLES).`,
    );
    return "failed";
  }
  const siblings = folders.slice(1).map((folder) => ({
    id: randomBytes(16).toString("base64url"),
    fileName: a.fileName,
    size: a.size,
    storageKey: a.storageKey,
    status: "queued" as const,
    workspaceId: a.workspaceId,
    createdById: a.createdById,
    caseId: a.caseId,
    peerFolder: folder,
  }));
  await prisma.$transaction([
    prisma.analysis.update({ where: { id: analysisId }, data: { peerFolder: folders[0], splitPeers: false, status: "queued" } }),
    prisma.analysis.createMany({ data: siblings }),
  ]);
  for (const s of siblings) await enqueueAnalysis(boss, s.id);
  return "split";
}

async function markFailed(analysisId: string, code: string, message: string) {
  const { prisma } = getServices().db;
  await prisma.$transaction([
    prisma.result.deleteMany({ where: { analysisId } }),
    prisma.sipCall.deleteMany({ where: { analysisId } }),
    prisma.sipRegistration.deleteMany({ where: { analysisId } }),
    prisma.analysis.update({
      where: { id: analysisId },
      data: { status: "failed", errorCode: code, errorMessage: message, finishedAt: new Date() },
    }),
  ]);
}

/**
 * Analyses that no job will ever finish (the queue gave up on them, or their job was lost) are failed
 * with a reason instead of staying `running` or `queued` for ever.
 */
export async function failAbandonedAnalyses(limits: { runningSeconds: number; queuedSeconds: number }): Promise<number> {
  const { prisma } = getServices().db;
  const now = Date.now();
  const { count } = await prisma.analysis.updateMany({
    where: {
      OR: [
        { status: "running", updatedAt: { lt: new Date(now - limits.runningSeconds * 1000) } },
        { status: "queued", updatedAt: { lt: new Date(now - limits.queuedSeconds * 1000) } },
      ],
    },
    data: {
      status: "failed",
      errorCode: "abandoned",
      errorMessage: "The analysis did not finish in time (its worker stopped and retries ran out). Upload the bundle again.",
      finishedAt: new Date(),
    },
  });
  return count;
}
