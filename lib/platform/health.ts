// Is this process able to serve: the database answers and the queue is installed and reachable.
import { ANALYSIS_QUEUE } from "@/lib/platform/queue";
import { getServices } from "@/lib/platform/services";

type Check = { ok: boolean; error?: string };

async function timed(fn: () => Promise<unknown>): Promise<Check> {
  try {
    await Promise.race([fn(), new Promise((_, reject) => setTimeout(() => reject(new Error("timed out after 5 s")), 5000).unref())]);
    return { ok: true };
  } catch (err) {
    return { ok: false, error: (err as Error).message };
  }
}

export async function checkHealth() {
  let services;
  try {
    services = getServices();
  } catch (err) {
    return { status: "down" as const, database: { ok: false, error: (err as Error).message }, queue: { ok: false } };
  }
  const { db, boss } = services;
  const [database, queue] = await Promise.all([
    timed(() => db.prisma.$queryRaw`SELECT 1`),
    timed(async () => {
      if (!(await boss.getQueue(ANALYSIS_QUEUE))) throw new Error(`queue ${ANALYSIS_QUEUE} is missing`);
    }),
  ]);
  return {
    status: database.ok && queue.ok ? ("ok" as const) : ("down" as const),
    database: { ...database, kind: db.kind },
    queue: { ...queue, worker: services.worker },
  };
}
