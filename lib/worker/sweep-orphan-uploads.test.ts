import assert from "node:assert/strict";
import { mkdtemp, readdir, rm, utimes, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { after, describe, it } from "node:test";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { createLocalStorage } from "@/lib/platform/storage/local-storage";
import { describeSweep, sweepOrphanUploads } from "@/lib/worker/sweep-orphan-uploads";

describe("sweepOrphanUploads", async () => {
  const root = await mkdtemp(path.join(os.tmpdir(), "ea-sweep-"));
  after(() => rm(root, { recursive: true, force: true }));

  it("removes stale partial files and old bundles without an analysis, and keeps everything else", async () => {
    const old = new Date(Date.now() - 3600_000);
    const files: Record<string, boolean> = {
      "recordedAAAAAAAA.bundle": true, // has a row
      "recordedAAAAAAAA.lines": true, // the line index of a bundle that has a row: kept with it
      "unrecordedAAAAAA.lines": true, // the line index of a bundle without a row, old: removed
      "unrecordedAAAAAA.bundle": true, // no row, old: removed
      "freshAAAAAAAAAAA.bundle": false, // no row, just stored: kept for the next pass
      "deadAAAAAAAAAAAA.bundle.part": true, // untouched for an hour: removed
      "liveAAAAAAAAAAAA.bundle.part": false, // being written: kept
      "notes.txt~": true, // not ours: never touched
    };
    for (const [name, isOld] of Object.entries(files)) {
      await writeFile(path.join(root, name), "x");
      if (isOld) await utimes(path.join(root, name), old, old);
    }
    const prisma = {
      analysis: {
        findMany: async ({ where }: { where: { storageKey: { in: string[] } } }) =>
          where.storageKey.in.filter((k) => k === "recordedAAAAAAAA.bundle").map((storageKey) => ({ storageKey })),
      },
    } as unknown as PrismaClient;
    const result = await sweepOrphanUploads({ storage: createLocalStorage(root), prisma, uploadIdleSeconds: 60 });
    assert.deepEqual(result, { partials: 1, unrecorded: 2 });
    assert.deepEqual((await readdir(root)).sort(), ["freshAAAAAAAAAAA.bundle", "liveAAAAAAAAAAAA.bundle.part", "notes.txt~", "recordedAAAAAAAA.bundle", "recordedAAAAAAAA.lines"]);
    assert.equal(describeSweep(result), "removed 3 orphaned uploads (1 unfinished, 2 without an analysis)");
  });
});
