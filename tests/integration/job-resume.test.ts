// A server killed in the middle of an analysis: when it comes back, the job must be taken up again within
// the heartbeat plus one supervise interval, as the README promises, not at the queue's next once-a-minute
// monitor pass.
import { describe, it } from "node:test";
import assert from "node:assert/strict";
import { collect, gzipStream, tarStream, xconfDump, xstatDump } from "../fixtures/build-bundle";
import { syntheticLog } from "../../lib/pipeline/synthetic-log";
import { createTestUser } from "../helpers/accounts";
import { startPortal, waitForAnalysis } from "../helpers/portal";

const HEARTBEAT = 10;
const SUPERVISE = 2;
const QUEUE_ENV = { JOB_HEARTBEAT_SECONDS: String(HEARTBEAT), QUEUE_SUPERVISE_SECONDS: String(SUPERVISE) };

describe("resuming after a crash", () => {
  it("takes a killed server's running analysis up again within heartbeat + supervise", async () => {
    let portal = await startPortal({ env: QUEUE_ENV });
    const { dataDir, databaseUrl } = portal;
    try {
      const user = await createTestUser(portal.url);
      // Big enough that the analysis is still running when the server is killed.
      const log = await collect(syntheticLog(160 * 1024 ** 2, { failureEvery: 2000 }));
      const bundle = await collect(gzipStream(tarStream([
        { name: "loggingsnapshot_expc1_2024-03-05_09_12_40.txt", content: log },
        { name: "xconf_dump_expc1_2024-03-05_09_12_40.txt", content: xconfDump() },
        { name: "xstat_dump_expc1_2024-03-05_09_12_40.txt", content: xstatDump({ version: "X14.2.1" }) },
      ])));
      const res = await fetch(`${portal.url}/api/analyses`, { method: "POST", body: new Uint8Array(bundle), headers: { ...user.auth, "X-Filename": "big.tar.gz" } });
      assert.equal(res.status, 202);
      const { id } = await res.json();
      let first: any;
      for (;;) {
        first = await (await fetch(`${portal.url}/api/analyses/${id}`, { headers: user.auth })).json();
        if (first.status === "running") break;
        assert.equal(first.status, "queued", "still running when killed");
        await new Promise((r) => setTimeout(r, 50));
      }
      const killedAt = Date.now();
      portal.process.kill("SIGKILL");
      await new Promise((r) => portal.process.once("exit", r));

      portal = await startPortal({ dataDir, databaseUrl, env: QUEUE_ENV });
      const restartedAt = Date.now();
      let resumedAt = 0;
      for (;;) {
        const a = await (await fetch(`${portal.url}/api/analyses/${id}`, { headers: user.auth })).json();
        if (a.startedAt !== first.startedAt) {
          resumedAt = Date.now();
          break;
        }
        if (Date.now() - killedAt > 120_000) break;
        await new Promise((r) => setTimeout(r, 200));
      }
      // The job is due once its heartbeat is HEARTBEAT old (at the latest HEARTBEAT after the kill) and the
      // server is back; then one supervise pass, the retry delay (2 s) and a poll, plus slack for a loaded machine.
      const due = Math.max(killedAt + HEARTBEAT * 1000, restartedAt);
      const late = (resumedAt - due) / 1000;
      assert.ok(resumedAt > 0 && late <= SUPERVISE + 2 + 6, `resumed ${resumedAt ? `${late.toFixed(1)} s after it was due` : "not within 120 s of the kill"} (restart took ${((restartedAt - killedAt) / 1000).toFixed(1)} s)`);
      const done = await waitForAnalysis(portal.url, id, user.auth, 120_000);
      assert.equal(done.status, "done", `${JSON.stringify(done.error)}\n${portal.output().slice(-3000)}`);
    } finally {
      await portal.dispose();
    }
  });
});
