// Deleting an analysis removes everything it consists of: the stored bundle and its line index, its results and share
// links (cascade) and the row. A job still queued for it finds nothing and skips.
import { getServices } from "@/lib/platform/services";
import { lineIndexKey } from "@/lib/platform/storage/storage";

export async function deleteAnalysis(id: string): Promise<void> {
  const { db, storage } = getServices();
  const row = await db.prisma.analysis.findUnique({ where: { id }, select: { storageKey: true } });
  if (!row) return;
  await db.prisma.analysis.delete({ where: { id } });
  // The peers of one archive share its stored bundle: it goes with the last of them.
  if ((await db.prisma.analysis.count({ where: { storageKey: row.storageKey } })) > 0) return;
  await storage.delete(row.storageKey).catch((err) => console.error(`[analyses] could not delete the stored bundle of ${id}: ${(err as Error).message}`));
  await storage.delete(lineIndexKey(row.storageKey)).catch((err) => console.error(`[analyses] could not delete the line index of ${id}: ${(err as Error).message}`));
}
