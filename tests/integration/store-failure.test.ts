// When the results cannot be stored (the database refuses them), the analysis is retried and then
// marked failed with the reason: never left `running`, and the database's message (which can quote the
// rows, i.e. bundle content) stays out of the server log. Needs PostgreSQL (to make it refuse the
// rows with a trigger while the portal runs); the machine's own server when DATABASE_URL is unset.
import assert from "node:assert/strict";
import { readFile } from "node:fs/promises";
import { after, before, describe, it } from "node:test";
import pg from "pg";
import { createTestUser, type TestUser } from "../helpers/accounts";
import { SAMPLE_SELF_SIGNED, createTestDatabase, startPortal, waitForAnalysis, type Portal } from "../helpers/portal";

const BASE = process.env.DATABASE_URL ?? "postgresql://postgres@127.0.0.1:5432/postgres";

async function reachable(url: string): Promise<boolean> {
  const c = new pg.Client({ connectionString: url, connectionTimeoutMillis: 2000 });
  try {
    await c.connect();
    return true;
  } catch {
    return false;
  } finally {
    await c.end().catch(() => {});
  }
}

describe("results that cannot be stored", { timeout: 180_000 }, async () => {
  const hasServer = await reachable(BASE);
  let db: { url: string; drop(): Promise<void> } | null = null;
  let portal: Portal | null = null;
  let user: TestUser;

  before(async () => {
    if (!hasServer) return;
    db = await createTestDatabase(BASE);
    portal = await startPortal({ databaseUrl: db.url });
    user = await createTestUser(portal.url);
    const c = new pg.Client({ connectionString: db.url });
    await c.connect();
    await c.query(`CREATE FUNCTION refuse_results() RETURNS trigger AS $$ BEGIN RAISE EXCEPTION 'refused by the test: %', NEW.title; END $$ LANGUAGE plpgsql`);
    await c.query(`CREATE TRIGGER refuse BEFORE INSERT ON "Result" FOR EACH ROW EXECUTE FUNCTION refuse_results()`);
    await c.end();
  });
  after(async () => {
    await portal?.dispose();
    await db?.drop();
  });

  it("are retried, then the analysis fails with store_failed, and the database's message is not logged", { skip: hasServer ? false : `no PostgreSQL at ${BASE}` }, async () => {
    const res = await fetch(`${portal!.url}/api/analyses`, { method: "POST", body: new Uint8Array(await readFile(SAMPLE_SELF_SIGNED)), headers: { ...user.auth, "X-Filename": "diagnostic_log_expc1_2024-03-05_09_12_40.tar.gz" } });
    assert.equal(res.status, 202);
    const analysis = await waitForAnalysis(portal!.url, (await res.json()).id, user.auth, 150_000);
    assert.equal(analysis.status, "failed");
    assert.equal(analysis.error.code, "store_failed");
    assert.match(analysis.error.message, /could not be stored/);
    assert.deepEqual(analysis.results, []);
    const log = portal!.output();
    assert.match(log, /storing the results failed/);
    assert.doesNotMatch(log, /refused by the test/);
  });
});
