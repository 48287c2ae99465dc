// Bundles in a local directory under the data directory (the default). An upload is written to
// `<key>.part` and renamed into place when complete, so a reader never sees half a bundle.
import { createReadStream, createWriteStream } from "node:fs";
import { mkdir, rename, rm, stat } from "node:fs/promises";
import path from "node:path";
import { checkKey, type Storage } from "@/lib/platform/storage/storage";

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
      const partial = `${final}.part`;
      await mkdir(root, { recursive: true });
      const stream = createWriteStream(partial, { flags: "wx" });
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
  };
}
