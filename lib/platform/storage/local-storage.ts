// Bundles in a local directory under the data directory (the default). An upload is written to
// `<key>.part` and renamed into place when complete, so a reader never sees half a bundle. Bundles hold
// customer data: the directory is the owner's only (0700) and every file in it too (0600), whatever the
// process's umask.
import { createReadStream, createWriteStream } from "node:fs";
import { readdir, rename, rm, stat } from "node:fs/promises";
import path from "node:path";
import { privateDirectory } from "@/lib/platform/private-directory";
import { checkKey, isStorageKey, type Storage } from "@/lib/platform/storage/storage";

const PARTIAL = ".part";

export function createLocalStorage(root: string): Storage {
  const pathFor = (key: string) => {
    const full = path.join(root, checkKey(key));
    if (path.dirname(full) !== path.resolve(root)) throw new Error("invalid storage key");
    return full;
  };
  return {
    kind: "local",
    async createUpload(key) {
      const final = pathFor(key);
      const partial = `${final}${PARTIAL}`;
      await privateDirectory(root);
      const stream = createWriteStream(partial, { flags: "wx", mode: 0o600 });
      return {
        stream,
        commit: () => rename(partial, final),
        abort: async () => {
          stream.destroy();
          await rm(partial, { force: true });
        },
      };
    },
    locate: (key) => ({ kind: "local", path: pathFor(key) }),
    size: async (key) => (await stat(pathFor(key))).size,
    openFrom: async (key, start = 0) => {
      const file = pathFor(key);
      await stat(file); // a missing file fails here, not on the stream's first read
      return createReadStream(file, { start, highWaterMark: 256 * 1024 });
    },
    delete: (key) => rm(pathFor(key), { force: true }),
    async list() {
      const names = await readdir(root).catch(() => [] as string[]);
      const out: { key: string; modifiedAt: Date }[] = [];
      for (const name of names) {
        if (!isStorageKey(name)) continue;
        const st = await stat(path.join(root, name)).catch(() => null);
        if (st?.isFile()) out.push({ key: name, modifiedAt: st.mtime });
      }
      return out;
    },
    async removeStalePartials(before) {
      let removed = 0;
      for (const name of await readdir(root).catch(() => [] as string[])) {
        if (!name.endsWith(PARTIAL) || !isStorageKey(name.slice(0, -PARTIAL.length))) continue;
        const file = path.join(root, name);
        const st = await stat(file).catch(() => null);
        if (!st?.isFile() || st.mtime >= before) continue;
        await rm(file, { force: true });
        removed++;
      }
      return removed;
    },
  };
}
