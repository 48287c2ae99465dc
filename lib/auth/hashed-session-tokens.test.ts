import assert from "node:assert/strict";
import { readdir, readFile } from "node:fs/promises";
import path from "node:path";
import { describe, it } from "node:test";
import { PGlite } from "@electric-sql/pglite";
import type { BetterAuthOptions, DBAdapter, Where } from "better-auth";
import { hashSessionTokens } from "@/lib/auth/hashed-session-tokens";
import { hashToken } from "@/lib/auth/token";

type Row = Record<string, any>;

/** A tiny in-memory adapter: eq and in on one table per model, enough for the session paths. */
function memoryAdapter(tables: Record<string, Row[]>) {
  const match = (row: Row, where: Where[] = []) =>
    where.every((w) => ((w.operator ?? "eq") === "in" ? (w.value as unknown[]).includes(row[w.field]) : row[w.field] === w.value));
  const table = (m: string) => (tables[m] ??= []);
  const adapter = {
    id: "memory",
    create: async ({ model, data }: any) => (table(model).push({ ...data }), { ...data }),
    findOne: async ({ model, where }: any) => table(model).find((r) => match(r, where)) ?? null,
    findMany: async ({ model, where }: any) => table(model).filter((r) => match(r, where)),
    count: async ({ model, where }: any) => table(model).filter((r) => match(r, where)).length,
    update: async ({ model, where, update }: any) => {
      const row = table(model).find((r) => match(r, where));
      return row ? Object.assign(row, update) : null;
    },
    updateMany: async () => 0,
    delete: async ({ model, where }: any) => void (tables[model] = table(model).filter((r) => !match(r, where))),
    deleteMany: async ({ model, where }: any) => {
      const before = table(model).length;
      tables[model] = table(model).filter((r) => !match(r, where));
      return before - tables[model].length;
    },
    transaction: async (cb: any) => cb(adapter),
  };
  return () => adapter as unknown as DBAdapter<BetterAuthOptions>;
}

describe("hashSessionTokens", () => {
  it("stores only the token's hash, finds the session by the token and never by the stored hash", async () => {
    const tables: Record<string, Row[]> = {};
    const db = hashSessionTokens(memoryAdapter(tables))({} as BetterAuthOptions);
    const created = await db.create<Row>({ model: "session", data: { id: "s1", token: "tok-1", userId: "u1" } });
    assert.equal(created.token, "tok-1", "the cookie gets the token");
    assert.equal(tables.session[0].token, hashToken("tok-1"), "the table gets its hash");

    const found = await db.findOne<Row>({ model: "session", where: [{ field: "token", value: "tok-1" }] });
    assert.equal(found?.id, "s1");
    assert.equal(found?.token, "tok-1");
    assert.equal(await db.findOne({ model: "session", where: [{ field: "token", value: hashToken("tok-1") }] }), null, "the stored hash is no cookie");

    const many = await db.findMany<Row>({ model: "session", where: [{ field: "token", value: ["tok-1", "other"], operator: "in" }] });
    assert.deepEqual(many.map((r) => r.token), ["tok-1"]);

    const updated = await db.update<Row>({ model: "session", where: [{ field: "token", value: "tok-1" }], update: { expiresAt: 1 } });
    assert.equal(updated?.token, "tok-1");
  });

  it("deletes by the token or by the hash a list of sessions shows", async () => {
    const tables: Record<string, Row[]> = {};
    const db = hashSessionTokens(memoryAdapter(tables))({} as BetterAuthOptions);
    await db.create({ model: "session", data: { id: "a", token: "tok-a", userId: "u" } });
    await db.create({ model: "session", data: { id: "b", token: "tok-b", userId: "u" } });
    const listed = await db.findMany<Row>({ model: "session", where: [{ field: "userId", value: "u" }] });
    assert.deepEqual(listed.map((r) => r.token), [hashToken("tok-a"), hashToken("tok-b")]);
    await db.delete({ model: "session", where: [{ field: "token", value: listed[0].token }] });
    await db.delete({ model: "session", where: [{ field: "token", value: "tok-b" }] });
    assert.deepEqual(tables.session, []);
  });

  it("leaves other models alone, inside transactions too", async () => {
    const tables: Record<string, Row[]> = {};
    const db = hashSessionTokens(memoryAdapter(tables))({} as BetterAuthOptions);
    await db.create({ model: "verification", data: { id: "v", token: "plain" } });
    assert.equal(tables.verification[0].token, "plain");
    await db.transaction(async (trx) => trx.create({ model: "session", data: { id: "t", token: "tok-t", userId: "u" } }));
    assert.equal(tables.session[0].token, hashToken("tok-t"));
  });

  it("is what the upgrade's migration computes for the sessions stored before it", async () => {
    const dir = path.join(process.cwd(), "prisma/migrations");
    const name = (await readdir(dir)).find((n) => n.endsWith("_hashed_session_tokens"))!;
    const sql = await readFile(path.join(dir, name, "migration.sql"), "utf8");
    const update = sql.split(";").find((s) => s.includes('UPDATE "session"'))!;
    const pg = await PGlite.create();
    try {
      await pg.exec(`CREATE TABLE "session" ("token" TEXT); INSERT INTO "session" VALUES ('Kq3xv9ZrT0pLmN2bW8yUaD4eHfGcJ1sQ');`);
      await pg.exec(update);
      const { rows } = await pg.query<{ token: string }>(`SELECT "token" FROM "session"`);
      assert.equal(rows[0].token, hashToken("Kq3xv9ZrT0pLmN2bW8yUaD4eHfGcJ1sQ"));
    } finally {
      await pg.close();
    }
  });
});
