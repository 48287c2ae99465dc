// Removes uploads nothing will ever read: partial files of uploads that died with their server (a kill,
// a crash, a power cut: nothing ran their cleanup), and stored bundles whose analysis row is gone (a crash
// between storing and recording, a row deleted by hand). Runs at start and then periodically (boot.ts)
// and says in the log how many it removed; never names them (file names are customer data).
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { type Storage, lineIndexKey } from "@/lib/platform/storage/storage";

/** Bundles are stored as `<id>.bundle` (create-analysis.ts); a line index beside one is `<id>.lines`. */
const INDEX_SUFFIX = ".lines";
const bundleKeyOf = (key: string) => (key.endsWith(INDEX_SUFFIX) ? `${key.slice(0, -INDEX_SUFFIX.length)}.bundle` : key);

/**
 * An upload is stored before its analysis row is written (milliseconds apart); a bundle without a row
 * younger than this may be one of those, so it is left for the next pass.
 */
const UNRECORDED_GRACE_MS = 10 * 60_000;

export type SweepResult = { partials: number; unrecorded: number };

export async function sweepOrphanUploads(opts: { storage: Storage; prisma: PrismaClient; uploadIdleSeconds: number; now?: number }): Promise<SweepResult> {
  const now = opts.now ?? Date.now();
  // A live upload writes at least every UPLOAD_IDLE_SECONDS or is cut (lib/http/upload-pace.ts), so a
  // partial file untouched for twice that belongs to no live upload, in this process or another.
  const partials = await opts.storage.removeStalePartials(new Date(now - 2 * opts.uploadIdleSeconds * 1000));

  const candidates = (await opts.storage.list()).filter((o) => o.modifiedAt.getTime() < now - UNRECORDED_GRACE_MS).map((o) => o.key);
  let unrecorded = 0;
  for (let i = 0; i < candidates.length; i += 1000) {
    const keys = candidates.slice(i, i + 1000);
    // A line index belongs to its bundle's analysis: it lives and goes with it.
    const owners = [...new Set(keys.map(bundleKeyOf))];
    const rows = await opts.prisma.analysis.findMany({ where: { storageKey: { in: owners } }, select: { storageKey: true } });
    const recorded = new Set(rows.flatMap((r) => [r.storageKey, lineIndexKey(r.storageKey)]));
    for (const key of keys) {
      if (recorded.has(key)) continue;
      await opts.storage.delete(key);
      unrecorded++;
    }
  }
  return { partials, unrecorded };
}

export function describeSweep({ partials, unrecorded }: SweepResult): string {
  return `removed ${partials + unrecorded} orphaned uploads (${partials} unfinished, ${unrecorded} without an analysis)`;
}
