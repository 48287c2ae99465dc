// Picks where uploaded bundles are kept: a local directory under the data directory by default, or an
// S3-compatible bucket (AWS SDK) when S3_BUCKET is set, streamed both ways. The AWS SDK is loaded
// (s3-storage.ts) only when a bucket is used: the analyzer process starts without it.
import { createReadStream } from "node:fs";
import type { Readable } from "node:stream";
import type { Config } from "@/lib/platform/config";
import { createLocalStorage } from "@/lib/platform/storage/local-storage";
import type { Storage, StoredObject } from "@/lib/platform/storage/storage";

export async function createStorage(config: Config): Promise<Storage> {
  return config.S3_BUCKET ? (await import("@/lib/platform/storage/s3-storage")).createS3Storage(config) : createLocalStorage(config.uploadsDir);
}

/** Opens a stored bundle from anywhere (the analyzer process has only the location and the config). */
export async function openStoredObject(object: StoredObject, config: Config): Promise<Readable> {
  if (object.kind === "local") return createReadStream(object.path, { highWaterMark: 1024 * 1024 });
  return (await import("@/lib/platform/storage/s3-storage")).openS3Object(object.key, config);
}
