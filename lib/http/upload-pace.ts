// Keeps uploads moving. A connection that goes silent, or trickles a few bytes at a time, would otherwise
// hold a socket, a file and a slot for as long as the client likes (the server has no request timeout,
// since honest bundle uploads take minutes). Put into the upload's stream pipeline, this fails it with a
// 408 when no byte arrived for `idleSeconds`, or fewer than `minBytesPerSecond` on average arrived over a
// window of that length; the pipeline's failure path then removes the partial file.
import { Transform } from "node:stream";
import { ApiError } from "@/lib/http/api-error";

export type UploadPace = { idleSeconds: number; minBytesPerSecond: number };

export function uploadPace({ idleSeconds, minBytesPerSecond }: UploadPace, now = () => Date.now()): Transform {
  const windowMs = idleSeconds * 1000;
  let lastChunkAt = now();
  let windowStart = lastChunkAt;
  let windowBytes = 0;
  const pace = new Transform({
    transform(chunk: Buffer, _enc, done) {
      lastChunkAt = now();
      windowBytes += chunk.length;
      done(null, chunk);
    },
    flush(done) {
      clearInterval(timer);
      done();
    },
  });
  const timer = setInterval(() => {
    const t = now();
    // Data waiting on our side means the storage is the slow one (back-pressure), not the client.
    if (pace.readableLength > 0 || pace.writableLength > 0) {
      lastChunkAt = t;
      windowStart = t;
      windowBytes = 0;
      return;
    }
    if (t - lastChunkAt >= windowMs) {
      pace.destroy(new ApiError(408, "upload_timeout", `No data arrived for ${idleSeconds} s, so the upload was stopped. Try again.`));
    } else if (t - windowStart >= windowMs) {
      if (minBytesPerSecond > 0 && windowBytes < minBytesPerSecond * idleSeconds) {
        pace.destroy(
          new ApiError(408, "upload_timeout", `The upload was slower than ${minBytesPerSecond} bytes per second over ${idleSeconds} s, so it was stopped. Try again on a faster link.`),
        );
      }
      windowStart = t;
      windowBytes = 0;
    }
  }, Math.min(1000, Math.max(50, windowMs / 4)));
  pace.once("close", () => clearInterval(timer));
  return pace;
}
