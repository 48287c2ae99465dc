// Reads a portal's database directly, as someone holding a backup or a replica would. The embedded
// database belongs to one process: stop the portal first.
import path from "node:path";
import { PGlite } from "@electric-sql/pglite";
import pg from "pg";
import type { Portal } from "./portal";

export async function queryDatabase<T = Record<string, unknown>>(portal: Portal, sql: string): Promise<T[]> {
  if (portal.databaseUrl) {
    const client = new pg.Client({ connectionString: portal.databaseUrl });
    await client.connect();
    try {
      return (await client.query(sql)).rows as T[];
    } finally {
      await client.end();
    }
  }
  const db = await PGlite.create(path.join(portal.dataDir, "pglite"));
  try {
    return (await db.query<T>(sql)).rows;
  } finally {
    await db.close();
  }
}
