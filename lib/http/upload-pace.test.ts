import assert from "node:assert/strict";
import { PassThrough, Writable } from "node:stream";
import { pipeline } from "node:stream/promises";
import { describe, it } from "node:test";
import { ApiError } from "@/lib/http/api-error";
import { uploadPace } from "@/lib/http/upload-pace";

const sink = () => new Writable({ write: (_c, _e, done) => done() });

describe("uploadPace", () => {
  it("fails a stream that goes silent with a 408", async () => {
    const source = new PassThrough();
    source.write(Buffer.alloc(1000));
    const started = Date.now();
    const err = await pipeline(source, uploadPace({ idleSeconds: 0.3, minBytesPerSecond: 0 }), sink()).catch((e) => e);
    assert.ok(err instanceof ApiError && err.status === 408 && err.code === "upload_timeout", String(err));
    assert.ok(Date.now() - started < 2000);
  });

  it("fails a stream that trickles below the minimum rate", async () => {
    const source = new PassThrough();
    const drip = setInterval(() => source.write(Buffer.alloc(10)), 20);
    try {
      const err = await pipeline(source, uploadPace({ idleSeconds: 0.3, minBytesPerSecond: 10_000 }), sink()).catch((e) => e);
      assert.ok(err instanceof ApiError && err.status === 408, String(err));
      assert.match(err.message, /slower than/);
    } finally {
      clearInterval(drip);
    }
  });

  it("lets a steady stream through to the end", async () => {
    const source = new PassThrough();
    let sent = 0;
    const feed = setInterval(() => {
      source.write(Buffer.alloc(10_000));
      if ((sent += 10_000) >= 200_000) {
        clearInterval(feed);
        source.end();
      }
    }, 10);
    let received = 0;
    await pipeline(source, uploadPace({ idleSeconds: 0.3, minBytesPerSecond: 10_000 }), new Writable({ write: (c, _e, done) => ((received += c.length), done()) }));
    assert.equal(received, 200_000);
  });
});
