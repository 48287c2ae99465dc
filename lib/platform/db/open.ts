// Opens the database the configuration names, migrated before anything else touches it:
// PostgreSQL through @prisma/adapter-pg when DATABASE_URL is set, otherwise PGlite embedded in this
// process, persisted under the data directory. Exactly one process may own a PGlite directory, so it is
// locked with a pid file.
import { mkdir, open, readFile, rm } from "node:fs/promises";
import path from "node:path";
import { PGlite } from "@electric-sql/pglite";
import { privateDirectory } from "@/lib/platform/private-directory";
import { PrismaPGlite } from "pglite-prisma-adapter";
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "@/lib/generated/prisma/client";
import { getConfig } from "@/lib/platform/config";
import { applyMigrations } from "@/lib/platform/db/schema-engine";

export type Database = {
  kind: "postgres" | "pglite";
  prisma: PrismaClient;
  /** the embedded database, for pg-boss to share (null on PostgreSQL) */
  pglite: PGlite | null;
  connectionString: string | null;
  close(): Promise<void>;
};

export async function openDatabase(): Promise<Database> {
  const config = getConfig();
  if (config.DATABASE_URL) {
    const migrator = new PrismaPg({ connectionString: config.DATABASE_URL, max: 1 });
    await applyMigrations(migrator);
    const prisma = new PrismaClient({ adapter: new PrismaPg({ connectionString: config.DATABASE_URL, max: 10 }) });
    return {
      kind: "postgres",
      prisma,
      pglite: null,
      connectionString: config.DATABASE_URL,
      close: () => prisma.$disconnect(),
    };
  }

  await privateDirectory(config.dataDir);
  await mkdir(config.pgliteDir, { recursive: true, mode: 0o700 });
  const releaseLock = await lockDirectory(config.dataDir);
  try {
    const pglite = await PGlite.create(config.pgliteDir);
    await applyMigrations(new PrismaPGlite(pglite));
    const prisma = new PrismaClient({ adapter: new PrismaPGlite(pglite) });
    return {
      kind: "pglite",
      prisma,
      pglite,
      connectionString: null,
      async close() {
        await prisma.$disconnect();
        await pglite.close();
        await releaseLock();
      },
    };
  } catch (err) {
    await releaseLock();
    throw err;
  }
}

/** A pid file beside the PGlite directory; a stale one (its process gone) is taken over. */
async function lockDirectory(dataDir: string): Promise<() => Promise<void>> {
  const lockPath = path.join(dataDir, "pglite.lock");
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      const handle = await open(lockPath, "wx");
      await handle.writeFile(String(process.pid));
      await handle.close();
      return () => rm(lockPath, { force: true });
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== "EEXIST") throw err;
      const pid = Number((await readFile(lockPath, "utf8").catch(() => "")).trim());
      if (pid && pid !== process.pid && isAlive(pid)) {
        throw new Error(
          `the embedded database in ${dataDir} is in use by process ${pid}; ` +
            "stop it, or set DATABASE_URL to share a PostgreSQL server between processes",
        );
      }
      await rm(lockPath, { force: true });
    }
  }
  throw new Error(`could not lock ${lockPath}`);
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === "EPERM";
  }
}
