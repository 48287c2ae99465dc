// The stored bundle of an analysis opened for random access (the log viewer, file downloads): its line
// index from storage, kept in memory for the few analyses being read. Until the analyzer has stored the
// index (it builds it right after the results), or for analyses from before indexes existed, a stand-in
// index without checkpoints is built here once, off the event loop, and the stored one is used once it is there.
import { buildLineIndex } from "@/lib/bundle/build-line-index";
import { decodeLineIndex, findIndexedFile, type IndexedFile, type LineIndex } from "@/lib/bundle/line-index";
import type { OpenFrom } from "@/lib/bundle/read-indexed-lines";
import { ApiError } from "@/lib/http/api-error";
import { getServices } from "@/lib/platform/services";
import { isMissingObject, lineIndexKey } from "@/lib/platform/storage/storage";

export type BundleLines = { index: LineIndex; open: OpenFrom; file(name: string): IndexedFile };

type Cached = { index: LineIndex; stored: boolean; checkedAt: number };

const CACHE_SIZE = 8;
/** how long a stand-in index is used before storage is asked again for the real one */
const RECHECK_MS = 5000;
const cache = new Map<string, Cached>();
const building = new Map<string, Promise<Cached>>();

export const bundleGone = () =>
  new ApiError(410, "bundle_gone", "The uploaded bundle of this analysis is no longer stored (it was removed from storage), so its files cannot be read. Upload it again.");

export async function openBundleLines(analysis: { id: string; storageKey: string; fileName: string }): Promise<BundleLines> {
  const { storage } = getServices();
  const open: OpenFrom = async (start) => {
    try {
      return await storage.openFrom(analysis.storageKey, start);
    } catch (err) {
      throw isMissingObject(err) ? bundleGone() : err;
    }
  };
  // Checked on every open: a bundle removed from storage answers 410 even while its index is cached.
  const present = await storage.size(analysis.storageKey).then(
    () => true,
    (err) => (isMissingObject(err) ? false : Promise.reject(err)),
  );
  if (!present) {
    cache.delete(analysis.id);
    throw bundleGone();
  }
  const index = (await loadIndex(analysis, open)).index;
  return {
    index,
    open,
    file(name) {
      const file = findIndexedFile(index, name);
      if (!file) throw new ApiError(404, "file_not_found", "This bundle has no file of that name.");
      return file;
    },
  };
}

async function loadIndex(analysis: { id: string; storageKey: string; fileName: string }, open: OpenFrom): Promise<Cached> {
  const hit = cache.get(analysis.id);
  if (hit && (hit.stored || Date.now() - hit.checkedAt < RECHECK_MS)) {
    cache.delete(analysis.id);
    cache.set(analysis.id, hit); // most recently used last
    return hit;
  }
  let pending = building.get(analysis.id);
  if (!pending) {
    pending = (async (): Promise<Cached> => {
      const stored = await readStoredIndex(analysis.storageKey);
      if (stored) return { index: stored, stored: true, checkedAt: Date.now() };
      if (hit) return { ...hit, checkedAt: Date.now() };
      const index = await buildLineIndex((await open(0)) as AsyncIterable<Buffer>, analysis.fileName, { checkpoints: false });
      return { index, stored: false, checkedAt: Date.now() };
    })();
    building.set(analysis.id, pending);
    pending.finally(() => building.delete(analysis.id)).catch(() => {});
  }
  const loaded = await pending;
  cache.delete(analysis.id);
  cache.set(analysis.id, loaded);
  while (cache.size > CACHE_SIZE) cache.delete(cache.keys().next().value as string);
  return loaded;
}

async function readStoredIndex(bundleKey: string): Promise<LineIndex | null> {
  const { storage } = getServices();
  try {
    const chunks: Buffer[] = [];
    for await (const chunk of await storage.openFrom(lineIndexKey(bundleKey))) chunks.push(chunk as Buffer);
    return decodeLineIndex(Buffer.concat(chunks));
  } catch {
    // missing, half-written by a crashed analyzer, or from another version: the stand-in serves
    return null;
  }
}

