// Runtime configuration from the environment, validated once. Every knob has a default that works on a
// fresh machine: embedded database and local storage under ./.data.
import path from "node:path";
import { z } from "zod";

const bytes = (fallback: number) => z.coerce.number().int().positive().default(fallback);

const envSchema = z.object({
  DATABASE_URL: z.string().min(1).optional(),
  DATA_DIR: z.string().default(".data"),
  /** largest upload accepted, in bytes (default 4 GiB) */
  MAX_UPLOAD_BYTES: bytes(4 * 1024 ** 3),
  /** decompressed bytes read from one bundle at most (default 8 GiB) */
  MAX_DECOMPRESSED_BYTES: bytes(8 * 1024 ** 3),
  MAX_ENTRIES: bytes(20_000),
  MAX_LINE_BYTES: bytes(1024 * 1024),
  /** how many analyses one worker process runs at once */
  WORKER_CONCURRENCY: z.coerce.number().int().min(1).max(16).default(1),
  /** "0" keeps the web server from running analyses itself (run `npm run worker` elsewhere) */
  RUN_WORKER: z.enum(["0", "1"]).default("1"),
  /** an analysis running longer than this is failed (seconds) */
  JOB_TIMEOUT_SECONDS: z.coerce.number().int().min(10).default(30 * 60),
  /** V8 heap limit of each analyzer process, in MiB: a bundle that needs more fails instead of hurting the server */
  ANALYZER_HEAP_MIB: z.coerce.number().int().min(64).default(384),
  /** a worker that stops sending heartbeats this long loses its job to another worker (seconds, >= 10) */
  JOB_HEARTBEAT_SECONDS: z.coerce.number().int().min(10).default(20),
  /** how often the queue looks for jobs whose worker died (seconds) */
  QUEUE_SUPERVISE_SECONDS: z.coerce.number().int().min(1).default(15),
  /** S3-compatible object storage for uploaded bundles instead of DATA_DIR/uploads (credentials: the AWS SDK's usual environment) */
  S3_BUCKET: z.string().min(1).optional(),
  S3_PREFIX: z.string().default("bundles/"),
  S3_REGION: z.string().default("us-east-1"),
  /** e.g. http://127.0.0.1:9000 for MinIO; unset for AWS */
  S3_ENDPOINT: z.string().url().optional(),
  /** "1" for path-style URLs (MinIO and most S3-compatible servers) */
  S3_FORCE_PATH_STYLE: z.enum(["0", "1"]).default("0"),
  /** an upload that sends nothing for this long is answered 408 and its partial file removed (seconds) */
  UPLOAD_IDLE_SECONDS: z.coerce.number().int().min(1).default(60),
  /** an upload slower than this on average over any UPLOAD_IDLE_SECONDS window is cut the same way (0: no minimum) */
  UPLOAD_MIN_BYTES_PER_SECOND: z.coerce.number().int().min(0).default(1024),
  /** uploads get 429 while this many analyses wait in the queue */
  MAX_QUEUED: z.coerce.number().int().min(1).default(100),
  /** bundles one case (one incident) may hold; beyond it an upload into the case gets 413 */
  MAX_CASE_BUNDLES: z.coerce.number().int().min(2).default(50),
});

export type Config = z.infer<typeof envSchema> & { dataDir: string; uploadsDir: string; pgliteDir: string };

let cached: Config | undefined;

export function getConfig(): Config {
  if (cached) return cached;
  const blankToUndefined = (v: string | undefined) => v || undefined;
  const env = envSchema.parse({
    ...process.env,
    DATABASE_URL: blankToUndefined(process.env.DATABASE_URL),
    S3_BUCKET: blankToUndefined(process.env.S3_BUCKET),
    S3_ENDPOINT: blankToUndefined(process.env.S3_ENDPOINT),
  });
  const dataDir = path.resolve(env.DATA_DIR);
  cached = { ...env, dataDir, uploadsDir: path.join(dataDir, "uploads"), pgliteDir: path.join(dataDir, "pglite") };
  return cached;
}
