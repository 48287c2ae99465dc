// The data directory holds customer data (the embedded database, uploaded bundles): only the portal's
// own user may enter it, whatever the process's umask. A directory that already existed (an older
// install) is tightened too; that alone keeps other users away from the files inside it.
import { chmod, mkdir } from "node:fs/promises";

export async function privateDirectory(dir: string): Promise<void> {
  await mkdir(dir, { recursive: true, mode: 0o700 });
  // Not ours to change (a mount point, another owner): leave it, the files inside are 0600 anyway.
  await chmod(dir, 0o700).catch(() => {});
}
