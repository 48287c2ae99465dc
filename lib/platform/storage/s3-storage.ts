// Bundles in an S3-compatible bucket (S3_BUCKET), through the AWS SDK, streamed both ways. Loaded by
// lib/platform/storage/storage.ts only when a bucket is configured.
import { PassThrough, Readable } from "node:stream";
import {
  AbortMultipartUploadCommand,
  DeleteObjectCommand,
  GetObjectCommand,
  HeadObjectCommand,
  ListMultipartUploadsCommand,
  ListObjectsV2Command,
  S3Client,
} from "@aws-sdk/client-s3";
import { Upload } from "@aws-sdk/lib-storage";
import type { Config } from "@/lib/platform/config";
import { checkKey, isStorageKey, type Storage } from "@/lib/platform/storage/storage";

function s3ClientFor(config: Config): S3Client {
  return new S3Client({
    region: config.S3_REGION,
    endpoint: config.S3_ENDPOINT,
    forcePathStyle: config.S3_FORCE_PATH_STYLE === "1",
  });
}

export function createS3Storage(config: Config): Storage {
  const client = s3ClientFor(config);
  const Bucket = config.S3_BUCKET!;
  const Key = (key: string) => `${config.S3_PREFIX}${checkKey(key)}`;
  return {
    kind: "s3",
    async createUpload(key) {
      const stream = new PassThrough({ highWaterMark: 1024 * 1024 });
      // Multipart upload in 8 MiB parts, two at a time: memory stays bounded whatever the size.
      const upload = new Upload({ client, params: { Bucket, Key: Key(key), Body: stream }, partSize: 8 * 1024 * 1024, queueSize: 2, leavePartsOnError: false });
      const done = upload.done();
      done.catch(() => {});
      return {
        stream,
        commit: async () => {
          await done;
        },
        abort: async () => {
          stream.destroy();
          await upload.abort().catch(() => {});
          await client.send(new DeleteObjectCommand({ Bucket, Key: Key(key) })).catch(() => {});
        },
      };
    },
    locate: (key) => ({ kind: "s3", key: Key(key) }),
    size: async (key) => Number((await client.send(new HeadObjectCommand({ Bucket, Key: Key(key) }))).ContentLength ?? 0),
    openFrom: async (key, start = 0) => {
      const res = await client.send(new GetObjectCommand({ Bucket, Key: Key(key), Range: start > 0 ? `bytes=${start}-` : undefined }));
      return Readable.from(res.Body as AsyncIterable<Buffer>);
    },
    delete: async (key) => {
      await client.send(new DeleteObjectCommand({ Bucket, Key: Key(key) }));
    },
    async list() {
      const out: { key: string; modifiedAt: Date }[] = [];
      let ContinuationToken: string | undefined;
      do {
        const page = await client.send(new ListObjectsV2Command({ Bucket, Prefix: config.S3_PREFIX, ContinuationToken }));
        for (const o of page.Contents ?? []) {
          const key = o.Key?.slice(config.S3_PREFIX.length) ?? "";
          if (isStorageKey(key)) out.push({ key, modifiedAt: o.LastModified ?? new Date() });
        }
        ContinuationToken = page.IsTruncated ? page.NextContinuationToken : undefined;
      } while (ContinuationToken);
      return out;
    },
    // A killed upload leaves an unfinished multipart upload whose parts the bucket keeps (and bills). S3
    // tells when an upload started, not when it last received a part, so only uploads older than a day
    // (longer than any upload takes) count as dead.
    async removeStalePartials(before) {
      const cutoff = new Date(Math.min(before.getTime(), Date.now() - 24 * 3600_000));
      let removed = 0;
      let KeyMarker: string | undefined;
      let UploadIdMarker: string | undefined;
      do {
        const page = await client.send(new ListMultipartUploadsCommand({ Bucket, Prefix: config.S3_PREFIX, KeyMarker, UploadIdMarker }));
        for (const u of page.Uploads ?? []) {
          if (!u.Key || !u.UploadId || !isStorageKey(u.Key.slice(config.S3_PREFIX.length)) || !u.Initiated || u.Initiated >= cutoff) continue;
          await client.send(new AbortMultipartUploadCommand({ Bucket, Key: u.Key, UploadId: u.UploadId })).catch(() => {});
          removed++;
        }
        [KeyMarker, UploadIdMarker] = page.IsTruncated ? [page.NextKeyMarker, page.NextUploadIdMarker] : [undefined, undefined];
      } while (KeyMarker);
      return removed;
    },
  };
}

/** The stored object `key` (as Storage.locate gave it), as a stream. */
export async function openS3Object(key: string, config: Config): Promise<Readable> {
  const res = await s3ClientFor(config).send(new GetObjectCommand({ Bucket: config.S3_BUCKET!, Key: key }));
  return Readable.from(res.Body as AsyncIterable<Buffer>);
}
