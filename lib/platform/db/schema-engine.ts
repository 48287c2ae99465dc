// Prisma's own migration engine, compiled to WASM (@prisma/schema-engine-wasm), driven through a driver
// adapter. It replaces the native engine that `prisma migrate` would download, which this network cannot
// reach, and writes the same `_prisma_migrations` bookkeeping, so stock `prisma migrate deploy` agrees.
import { createRequire } from "node:module";
import { readFile, readdir } from "node:fs/promises";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { bindMigrationAwareSqlAdapterFactory } from "@prisma/driver-adapter-utils";
import type { SqlMigrationAwareDriverAdapterFactory } from "@prisma/driver-adapter-utils";

const require = createRequire(import.meta.url);
const NO_FILTERS = { externalTables: [], externalEnums: [] };

export const PRISMA_DIR = path.join(process.cwd(), "prisma");
export const SCHEMA_PATH = path.join(PRISMA_DIR, "schema.prisma");
export const MIGRATIONS_DIR = path.join(PRISMA_DIR, "migrations");

type EngineModule = { SchemaEngine: any; __wbg_set_wasm(exports: unknown): void };
let engineModule: Promise<EngineModule> | undefined;

// Node 20 cannot `import` a .wasm file, so the glue module is wired to a manually instantiated module.
async function loadEngineModule(): Promise<EngineModule> {
  engineModule ??= (async () => {
    const gluePath = require.resolve("@prisma/schema-engine-wasm/schema_engine_bg");
    const dir = path.dirname(gluePath);
    const glue: EngineModule = await import(/* webpackIgnore: true */ pathToFileURL(gluePath).href);
    const wasm = await WebAssembly.compile(await readFile(path.join(dir, "schema_engine_bg.wasm")));
    const instance = new WebAssembly.Instance(wasm, { "./schema_engine_bg.js": glue as any });
    glue.__wbg_set_wasm(instance.exports);
    (instance.exports as any).__wbindgen_start();
    return glue;
  })();
  return engineModule;
}

export type MigrationsList = Awaited<ReturnType<typeof readMigrationsList>>;

/** The migrations folder in the shape the engine takes: Prisma's standard layout, sorted by name. */
export async function readMigrationsList(dir = MIGRATIONS_DIR) {
  const names = (await readdir(dir, { withFileTypes: true }).catch(() => []))
    .filter((d) => d.isDirectory())
    .map((d) => d.name)
    .sort();
  const migrationDirectories = await Promise.all(
    names.map(async (name) => ({
      path: name,
      migrationFile: {
        path: "migration.sql",
        content: { tag: "ok" as const, value: await readFile(path.join(dir, name, "migration.sql"), "utf8") },
      },
    })),
  );
  const lockPath = path.join(dir, "migration_lock.toml");
  const lockContent = await readFile(lockPath, "utf8").catch(() => 'provider = "postgresql"\n');
  return {
    baseDir: dir,
    lockfile: { path: "migration_lock.toml", content: lockContent },
    shadowDbInitScript: "",
    migrationDirectories,
  };
}

/**
 * Runs `fn` with a schema engine bound to `factory`, and always frees it. Adapter failures surface from
 * the engine as "External error id#N"; they are translated back into the original error.
 */
export async function withSchemaEngine<T>(
  factory: SqlMigrationAwareDriverAdapterFactory,
  fn: (engine: any) => Promise<T>,
): Promise<T> {
  const { SchemaEngine } = await loadEngineModule();
  const bound = bindMigrationAwareSqlAdapterFactory(factory);
  const schemaText = await readFile(SCHEMA_PATH, "utf8");
  const engine = await SchemaEngine.new(
    { datamodels: [[SCHEMA_PATH, schemaText]] },
    () => {},
    bound,
  );
  try {
    return await fn(engine);
  } catch (err) {
    const id = /External error id#(\d+)/.exec(String((err as Error)?.message ?? err))?.[1];
    const original = id ? (bound as any).errorRegistry?.consumeError?.(Number(id)) : undefined;
    if (original?.error) throw original.error instanceof Error ? original.error : new Error(JSON.stringify(original.error));
    throw err;
  } finally {
    engine.free();
  }
}

/** `prisma migrate deploy`: applies every migration not yet applied, in order. */
export async function applyMigrations(factory: SqlMigrationAwareDriverAdapterFactory): Promise<string[]> {
  const migrationsList = await readMigrationsList();
  return withSchemaEngine(factory, async (engine) => {
    const out = await engine.applyMigrations({ migrationsList, filters: NO_FILTERS });
    return (out?.appliedMigrationNames ?? []) as string[];
  });
}

/** The SQL that takes the database from the existing migrations to prisma/schema.prisma ("" when none). */
export async function diffSchemaAgainstMigrations(factory: SqlMigrationAwareDriverAdapterFactory): Promise<string> {
  const migrationsList = await readMigrationsList();
  const schemaText = await readFile(SCHEMA_PATH, "utf8");
  return withSchemaEngine(factory, async (engine) => {
    const out = await engine.diff({
      from: { tag: "migrations", ...migrationsList },
      to: { tag: "schemaDatamodel", files: [{ path: SCHEMA_PATH, content: schemaText }] },
      script: true,
      exitCode: null,
      shadowDatabaseUrl: null,
      filters: NO_FILTERS,
    });
    return String(out?.stdout ?? "");
  });
}
