// Starts and stops this process's services: database (migrated first), queue, storage, and optionally
// the analysis worker. Used by server.ts, the standalone worker and the integration tests.
import { getConfig } from "@/lib/platform/config";
import { openDatabase } from "@/lib/platform/db/open";
import { ANALYSIS_QUEUE, POLLING_INTERVAL_SECONDS, createBoss, type AnalysisJob } from "@/lib/platform/queue";
import { setServices, getServices, type Services } from "@/lib/platform/services";
import { createStorage } from "@/lib/platform/storage/create-storage";
import { failAbandonedAnalyses, runAnalysis } from "@/lib/worker/run-analysis";
import { keepAnalyzerReady, prepareAnalyzer, releaseIndexers, stopAnalyzers } from "@/lib/worker/analyzer-client";
import { describeSweep, sweepOrphanUploads } from "@/lib/worker/sweep-orphan-uploads";
import type { JobWithMetadata } from "pg-boss";

const SWEEP_INTERVAL_MS = 60_000;
const UPLOAD_SWEEP_INTERVAL_MS = 15 * 60_000;
let sweepTimer: NodeJS.Timeout | undefined;
let uploadSweepTimer: NodeJS.Timeout | undefined;

export async function startServices(opts: { worker?: boolean } = {}): Promise<Services> {
  const config = getConfig();
  const db = await openDatabase();
  try {
    const boss = await createBoss(db, config);
    const storage = await createStorage(config);
    const services: Services = { config, db, boss, storage, worker: opts.worker ?? config.RUN_WORKER === "1" };
    setServices(services);
    await startUploadSweep(services);
    if (services.worker) await startWorker(services);
    return services;
  } catch (err) {
    await db.close();
    throw err;
  }
}

async function startWorker({ boss, config }: Services) {
  keepAnalyzerReady(config.ANALYZER_HEAP_MIB);
  await boss.work<AnalysisJob>(
    ANALYSIS_QUEUE,
    { localConcurrency: config.WORKER_CONCURRENCY, batchSize: 1, includeMetadata: true, pollingIntervalSeconds: POLLING_INTERVAL_SECONDS },
    async (jobs) => {
      for (const job of jobs as JobWithMetadata<AnalysisJob>[]) {
        try {
          await runAnalysis(job.data.analysisId, { signal: job.signal, finalAttempt: job.retryCount >= job.retryLimit, reanalyze: job.data.reanalyze === true });
        } finally {
          releaseIndexers();
          prepareAnalyzer();
        }
      }
    },
  );
  const sweep = () =>
    failAbandonedAnalyses({ runningSeconds: 3 * config.JOB_TIMEOUT_SECONDS + 120, queuedSeconds: 24 * 3600 }).catch((err) =>
      console.error(`[worker] sweep failed: ${(err as Error).message}`),
    );
  await sweep();
  sweepTimer = setInterval(sweep, SWEEP_INTERVAL_MS);
  sweepTimer.unref();
}

/** Every process that stores uploads sweeps their leftovers: once before serving, then every 15 minutes. */
async function startUploadSweep({ storage, db, config }: Services) {
  const sweep = async (atStart: boolean) => {
    try {
      const result = await sweepOrphanUploads({ storage, prisma: db.prisma, uploadIdleSeconds: config.UPLOAD_IDLE_SECONDS });
      if (atStart || result.partials + result.unrecorded > 0) console.log(`[uploads] ${describeSweep(result)}`);
    } catch (err) {
      console.error(`[uploads] sweep failed: ${(err as Error).message}`);
    }
  };
  await sweep(true);
  uploadSweepTimer = setInterval(() => void sweep(false), UPLOAD_SWEEP_INTERVAL_MS);
  uploadSweepTimer.unref();
}

export async function stopServices() {
  let services: Services;
  try {
    services = getServices();
  } catch {
    return;
  }
  clearInterval(sweepTimer);
  clearInterval(uploadSweepTimer);
  stopAnalyzers();
  setServices(undefined);
  await services.boss.stop({ graceful: true, timeout: 10_000 }).catch(() => {});
  await services.db.close();
}
