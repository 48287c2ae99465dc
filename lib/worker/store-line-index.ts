// The analyzer process's last step, after its results went back: the bundle's line index for the log
// viewer, stored beside the bundle. It is skipped when a current one is there (a re-analysis of the same
// bundle), and removed again if the analysis was deleted while it was being built.
import { buildLineIndex } from "@/lib/bundle/build-line-index";
import { decodeLineIndex, encodeLineIndex, LINE_INDEX_VERSION } from "@/lib/bundle/line-index";
import type { Config } from "@/lib/platform/config";
import { createStorage } from "@/lib/platform/storage/create-storage";

export type LineIndexRequest = { bundleKey: string; indexKey: string };

export async function storeLineIndex(request: LineIndexRequest, fileName: string, config: Config): Promise<void> {
  const storage = await createStorage(config);
  if (await hasCurrentIndex(request.indexKey, storage)) return;
  const index = await buildLineIndex((await storage.openFrom(request.bundleKey)) as AsyncIterable<Buffer>, fileName);
  const upload = await storage.createUpload(request.indexKey);
  try {
    await new Promise<void>((resolve, reject) => {
      upload.stream.on("error", reject);
      upload.stream.end(encodeLineIndex(index), () => resolve());
    });
    await upload.commit();
  } catch (err) {
    await upload.abort();
    throw err;
  }
  // Deleted meanwhile: its delete found no index to remove, so this one would stay behind.
  if (!(await storage.size(request.bundleKey).then(() => true, () => false))) await storage.delete(request.indexKey);
}

async function hasCurrentIndex(key: string, storage: Awaited<ReturnType<typeof createStorage>>): Promise<boolean> {
  try {
    const chunks: Buffer[] = [];
    for await (const chunk of await storage.openFrom(key)) chunks.push(chunk as Buffer);
    return decodeLineIndex(Buffer.concat(chunks)).version === LINE_INDEX_VERSION;
  } catch {
    return false;
  }
}
