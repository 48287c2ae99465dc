// When the queue is full, uploads are refused with 429 and Retry-After instead of piling up.
import { describe, it } from "node:test";
import assert from "node:assert/strict";
import { readFile } from "node:fs/promises";
import { SAMPLE_SELF_SIGNED } from "../helpers/portal";
import { portalWithUser } from "../helpers/portal-fixture";

describe("queue limit", () => {
  // No worker: queued analyses stay queued, so the limit is reached deterministically.
  const fx = portalWithUser({ env: { RUN_WORKER: "0", MAX_QUEUED: "2" } });

  it("answers 429 with Retry-After once MAX_QUEUED analyses wait", async () => {
    const body = new Uint8Array(await readFile(SAMPLE_SELF_SIGNED));
    const send = () => fetch(`${fx.portal.url}/api/analyses`, { method: "POST", body, headers: { ...fx.user.auth, "X-Filename": "a.tar.gz" } });
    assert.equal((await send()).status, 202);
    assert.equal((await send()).status, 202);
    const refused = await send();
    assert.equal(refused.status, 429);
    assert.ok(Number(refused.headers.get("retry-after")) > 0);
    assert.equal((await refused.json()).error.code, "queue_full");
    const list = await (await fetch(`${fx.portal.url}/api/analyses`, { headers: fx.user.auth })).json();
    assert.equal(list.total, 2, "the refused upload left nothing behind");
  });
});
