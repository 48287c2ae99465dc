// The process-wide services (database, queue, storage), created once by lib/worker/boot.ts when the server or
// worker starts. Kept on globalThis because Next.js bundles route handlers separately from server.ts:
// both must see the one database owner, never open a second PGlite on the same directory.
import type { PgBoss } from "pg-boss";
import type { Config } from "@/lib/platform/config";
import type { Database } from "@/lib/platform/db/open";
import type { Storage } from "@/lib/platform/storage/storage";

export type Services = {
  config: Config;
  db: Database;
  boss: PgBoss;
  storage: Storage;
  /** true when this process runs analyses */
  worker: boolean;
};

const KEY = Symbol.for("expressway-analyzer.services");
type Holder = { [KEY]?: Services };

export function getServices(): Services {
  const services = (globalThis as Holder)[KEY];
  if (!services) throw new Error("services not started: run the portal with `npm start` (server.ts)");
  return services;
}

export function setServices(services: Services | undefined) {
  (globalThis as Holder)[KEY] = services;
}
