// The one job queue: pg-boss on the same database as the analyses (the embedded PGlite too), so an
// upload and its job live and die together. Analyses run in whichever process calls startWorker:
// the web server by default, or `npm run worker` processes sharing a PostgreSQL server.
import { PgBoss, fromPglite } from "pg-boss";
import type { Config } from "@/lib/platform/config";
import type { Database } from "@/lib/platform/db/open";

export const ANALYSIS_QUEUE = "analyze-bundle";

/** `reanalyze`: run even though the analysis finished before (POST /api/analyses/:id/reanalyze). */
export type AnalysisJob = { analysisId: string; reanalyze?: boolean };

export async function createBoss(db: Database, config: Config): Promise<PgBoss> {
  // pg-boss fails jobs with a stale heartbeat in its monitor pass, which by default runs once a minute
  // whatever the supervise interval: a dead worker's job then waited up to a minute longer than promised.
  // Both at QUEUE_SUPERVISE_SECONDS: a job resumes within heartbeat + supervise.
  const supervision = { superviseIntervalSeconds: config.QUEUE_SUPERVISE_SECONDS, monitorIntervalSeconds: config.QUEUE_SUPERVISE_SECONDS };
  const boss = db.pglite
    ? new PgBoss({ db: fromPglite(db.pglite as any), backend: "pglite", schema: "pgboss", ...supervision })
    : new PgBoss({ connectionString: db.connectionString!, schema: "pgboss", max: 4, ...supervision });
  // pg-boss reports connection trouble as events; without a listener an EventEmitter error would throw.
  boss.on("error", (err: Error) => console.error(`[queue] ${err.message}`));
  await boss.start();
  const policy = {
    // A worker that dies stops sending heartbeats; its job then goes back to the queue for another
    // worker, within heartbeat + supervise interval (well under a minute by default).
    heartbeatSeconds: config.JOB_HEARTBEAT_SECONDS,
    expireInSeconds: config.JOB_TIMEOUT_SECONDS,
    retryLimit: 2,
    retryDelay: 2,
  };
  if (await boss.getQueue(ANALYSIS_QUEUE)) await boss.updateQueue(ANALYSIS_QUEUE, policy);
  else {
    await boss.createQueue(ANALYSIS_QUEUE, policy).catch(async (err: Error) => {
      // another process created it at the same moment
      if (!(await boss.getQueue(ANALYSIS_QUEUE))) throw err;
    });
  }
  return boss;
}

/**
 * How often an idle worker looks for new jobs, as often as pg-boss allows: separate worker processes
 * only learn of a job this way. A worker in the process that queued the job is woken at once.
 */
export const POLLING_INTERVAL_SECONDS = 0.5;

export async function enqueueAnalysis(boss: PgBoss, analysisId: string, opts: { reanalyze?: boolean } = {}): Promise<string | null> {
  const jobId = await boss.send(ANALYSIS_QUEUE, (opts.reanalyze ? { analysisId, reanalyze: true } : { analysisId }) satisfies AnalysisJob);
  // This process's own workers start on it now rather than at their next poll (a busy one fetches
  // again as soon as its job is done).
  for (const worker of boss.getWipData()) if (worker.name === ANALYSIS_QUEUE) boss.notifyWorker(worker.id);
  return jobId;
}
