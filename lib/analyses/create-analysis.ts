// Stores an uploaded bundle and queues its analysis. The body is streamed to disk as it arrives (never
// held in memory); the first bytes decide whether it can be a bundle at all.
import { createHash, randomBytes } from "node:crypto";
import { Transform, type Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import { formatLimit } from "@/lib/bundle/limits";
import { ApiError } from "@/lib/http/api-error";
import { uploadPace } from "@/lib/http/upload-pace";
import { enqueueAnalysis } from "@/lib/platform/queue";
import { getServices } from "@/lib/platform/services";
import { UPLOAD_SNIFF_BYTES, refusalByContent, refusalByName } from "@/lib/bundle/upload-verdict";
import { cleanFileName } from "@/lib/analyses/clean-file-name";
import { analysisUrl } from "@/lib/analyses/serialize";

export type CreatedAnalysis = { id: string; status: "queued"; url: string };

/**
 * For uploads into a case: `caseId` files the analysis there, and the upload's SHA-256 is kept so the
 * same bundle twice in one case is analysed once (`onStored` answers with the analysis it duplicates,
 * and the new copy is dropped). Plain uploads skip the hash.
 */
export type CaseUploadOptions = {
  caseId: string | null;
  onStored?: (contentHash: string) => Promise<{ id: string; status: string; url: string } | null>;
};

export function newAnalysisId(): string {
  return randomBytes(16).toString("base64url");
}

/** `owner`: the workspace the analysis belongs to and the user who uploaded it. */
export async function createAnalysis(input: {
  fileName: string;
  body: Readable;
  owner: { workspaceId: string; userId: string };
  inCase?: CaseUploadOptions;
}): Promise<CreatedAnalysis | { id: string; status: string; url: string; duplicate: true }> {
  const { db, boss, storage, config } = getServices();
  const fileName = cleanFileName(input.fileName);
  if (!fileName) {
    input.body.resume();
    throw new ApiError(400, "missing_filename", "Name the file in the X-Filename header or the ?filename= query parameter.");
  }
  const byName = refusalByName(fileName);
  if (byName) {
    input.body.resume();
    throw new ApiError(byName.status, byName.code, byName.message);
  }
  const queued = await db.prisma.analysis.count({ where: { status: "queued" } });
  if (queued >= config.MAX_QUEUED) {
    input.body.resume();
    throw new ApiError(429, "queue_full", `${queued} analyses are waiting; try again in a minute.`, { "Retry-After": "60" });
  }

  const id = newAnalysisId();
  const storageKey = `${id}.bundle`;
  const upload = await storage.createUpload(storageKey);
  let size = 0;
  let head = Buffer.alloc(0);
  const hash = input.inCase ? createHash("sha256") : null;
  const meter = new Transform({
    transform(chunk: Buffer, _enc, done) {
      size += chunk.length;
      if (size > config.MAX_UPLOAD_BYTES) {
        done(new ApiError(413, "too_large", `The upload is larger than the ${formatLimit(config.MAX_UPLOAD_BYTES)} limit.`));
        return;
      }
      hash?.update(chunk);
      if (head.length < UPLOAD_SNIFF_BYTES) {
        head = Buffer.concat([head, chunk.subarray(0, UPLOAD_SNIFF_BYTES - head.length)]);
      }
      done(null, chunk);
    },
  });
  try {
    await pipeline(input.body, uploadPace({ idleSeconds: config.UPLOAD_IDLE_SECONDS, minBytesPerSecond: config.UPLOAD_MIN_BYTES_PER_SECOND }), meter, upload.stream);
  } catch (err) {
    await upload.abort();
    if (err instanceof ApiError) throw err;
    throw new ApiError(400, "upload_incomplete", "The upload was interrupted before the whole file arrived.");
  }

  try {
    const byContent = refusalByContent(fileName, size, head);
    if (byContent) throw new ApiError(byContent.status, byContent.code, byContent.message);
    await upload.commit();
  } catch (err) {
    await upload.abort();
    throw err;
  }
  const contentHash = hash?.digest("hex") ?? null;
  if (contentHash && input.inCase?.onStored) {
    const existing = await input.inCase.onStored(contentHash).catch(async (err) => {
      await storage.delete(storageKey).catch(() => {});
      throw err;
    });
    if (existing) {
      await storage.delete(storageKey).catch(() => {});
      return { ...existing, duplicate: true };
    }
  }

  try {
    await db.prisma.analysis.create({
      data: {
        id, fileName, size: BigInt(size), storageKey, status: "queued", workspaceId: input.owner.workspaceId, createdById: input.owner.userId,
        caseId: input.inCase?.caseId ?? null, contentHash, splitPeers: Boolean(input.inCase),
      },
    });
    await enqueueAnalysis(boss, id);
  } catch (err) {
    await db.prisma.analysis.deleteMany({ where: { id } }).catch(() => {});
    await storage.delete(storageKey).catch(() => {});
    throw err;
  }
  return { id, status: "queued", url: analysisUrl(id) };
}
