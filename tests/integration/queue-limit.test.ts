// When the queue is full, uploads are refused with 429 and Retry-After instead of piling up.
import { after, before, describe, it } from "node:test";
import assert from "node:assert/strict";
import { readFile } from "node:fs/promises";
import { createTestUser, type TestUser } from "../helpers/accounts";
import { SAMPLE_SELF_SIGNED, startPortal, type Portal } from "../helpers/portal";

describe("queue limit", () => {
  let portal: Portal;
  let user: TestUser;
  before(async () => {
    // No worker: queued analyses stay queued, so the limit is reached deterministically.
    portal = await startPortal({ env: { RUN_WORKER: "0", MAX_QUEUED: "2" } });
    user = await createTestUser(portal.url);
  });
  after(async () => {
    await portal?.dispose();
  });

  it("answers 429 with Retry-After once MAX_QUEUED analyses wait", async () => {
    const body = new Uint8Array(await readFile(SAMPLE_SELF_SIGNED));
    const send = () => fetch(`${portal.url}/api/analyses`, { method: "POST", body, headers: { ...user.auth, "X-Filename": "a.tar.gz" } });
    assert.equal((await send()).status, 202);
    assert.equal((await send()).status, 202);
    const refused = await send();
    assert.equal(refused.status, 429);
    assert.ok(Number(refused.headers.get("retry-after")) > 0);
    assert.equal((await refused.json()).error.code, "queue_full");
    const list = await (await fetch(`${portal.url}/api/analyses`, { headers: user.auth })).json();
    assert.equal(list.total, 2, "the refused upload left nothing behind");
  });
});
